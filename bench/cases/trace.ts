/**
 * Follow-the-money engine on a seeded synthetic ledger (default 1,000,000 transfers): downstream
 * from every drop card, upstream from the organizers' wallets, by each method. Floor: one pass
 * that reads every transfer into typed arrays and updates both balances, the least any one-pass
 * tracer must do. The timed trace is cold: it includes preparing the ledger's typed arrays;
 * `warmSeconds` is a second run of the same trace, the preparation cached.
 *
 * One case per process, as bench/run.ts runs them (`RESULT {json}` on stdout):
 *   node out/bench/cases/trace.mjs --mode floor|trace [--method pro-rata] [--direction down] [--transfers N]
 * (bundle first: npx esbuild bench/cases/trace.ts --bundle --platform=node --format=esm
 *  --outfile=out/bench/cases/trace.mjs). To register it in run.ts: a `wants('trace')` block
 * calling runCase('cases/trace.ts', [...]) for the floor and for each method and direction.
 */
import { syntheticLedger } from '../../shared/ledger/synthetic';
import type { LedgerTransfer } from '../../shared/ledger/types';
import { trace, type TraceDirection, type TraceMethod } from '../../shared/trace';
import { arg, report, timed } from '../measure';

const transfers = Number(arg('--transfers', '1000000'));
const mode = arg('--mode', 'trace');
const method = arg('--method', 'pro-rata') as TraceMethod;
const direction = arg('--direction', 'down') as TraceDirection;

const ledger = syntheticLedger({ transfers });
const rows = ledger.transfers.length;
// Bytes: the typed arrays a trace reads per transfer (at, amounts, from/to nodes and pools).
const bytes = rows * (8 * 3 + 4 * 4);

if (mode === 'floor') {
  const { value, seconds } = timed(() => {
    const from = new Int32Array(rows);
    const to = new Int32Array(rows);
    const amount = new Float64Array(rows);
    for (let t = 0; t < rows; t++) {
      const x = ledger.transfers[t] as LedgerTransfer;
      from[t] = x.from;
      to[t] = x.to;
      amount[t] = x.amountMinor;
    }
    const balance = new Float64Array(ledger.nodes.length);
    for (let t = 0; t < rows; t++) {
      balance[from[t] as number] = (balance[from[t] as number] as number) - (amount[t] as number);
      balance[to[t] as number] = (balance[to[t] as number] as number) + (amount[t] as number);
    }
    return balance.reduce((a, b) => a + Math.abs(b), 0);
  });
  report({
    case: 'trace floor (read transfers + balances)',
    rows,
    bytes,
    seconds,
    extra: { check: value > 0 ? 1 : 0 },
  });
} else {
  const seeds = direction === 'down' ? ledger.roles.drops : ledger.roles.organizers;
  const params = { seeds, direction, method };
  const { value: r, seconds } = timed(() => trace(ledger, params));
  const warm = timed(() => trace(ledger, params));
  report({
    case: `trace ${direction} ${method}`,
    rows,
    bytes,
    seconds,
    extra: {
      warmSeconds: warm.seconds,
      seeds: seeds.length,
      reached: r.reached.length,
      trailTransfers: r.trailTransfers,
      enteredMinor: r.enteredMinor,
      heldPlusEnded: r.heldMinor + r.endedMinor,
    },
  });
}
