/**
 * Pattern detection (drops, collectors, pass-through, structuring, shared identifiers) over a
 * seeded synthetic ledger. Floor: one plain read of the transfer fields every detector needs.
 *   --mode floor|full [--transfers N]
 */
import { syntheticLedger } from '../../shared/ledger/synthetic';
import type { LedgerTransfer } from '../../shared/ledger/types';
import { detectPatterns } from '../../shared/patterns';
import { arg, report, timed } from '../measure';

const transfers = Number(arg('--transfers', '1000000'));
const mode = arg('--mode', 'full');
const ledger = syntheticLedger({ transfers });
const rows = ledger.transfers.length;
const bytes = rows * (8 * 2 + 4 * 2);

if (mode === 'floor') {
  const { seconds } = timed(() => {
    let sum = 0;
    for (let t = 0; t < rows; t++) {
      const x = ledger.transfers[t] as LedgerTransfer;
      sum += x.from + x.to + x.at * 0 + x.amountMinor * 0;
    }
    return sum;
  });
  report({ case: 'patterns floor (read transfers)', rows, bytes, seconds });
} else {
  const { value, seconds } = timed(() => detectPatterns(ledger));
  const count = (kind: string) => value.filter((f) => f.kind === kind).length;
  report({
    case: 'detectPatterns',
    rows,
    bytes,
    seconds,
    extra: {
      findings: value.length,
      drops: count('drop'),
      collectors: count('collector'),
      structuring: count('structuring'),
    },
  });
}
