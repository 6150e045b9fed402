/// <reference lib="webworker" />
import ibanCodes from '../../../resources/banks/kz-iban-codes.json';
import { applyBinAdditions } from '../../../shared/identifiers/bank-overlay';
import {
  createBankDirectory,
  parseIbanCodeTable,
  type BankDirectory,
} from '../../../shared/identifiers/banks';
import { runTrace, SeedNotFoundError, type TraceRequest } from '../../../shared/investigate';
import { patternsJson } from '../../../shared/investigate/trace-json';
import { detectPatterns } from '../../../shared/patterns';
import { flowPicture } from '../../../shared/investigate/flow-picture';
import type { Ledger } from '../../../shared/ledger/types';
import { explain, type TraceMethod } from '../../../shared/trace';
import { loadCaseLedger } from '../../db/ledger';
import type { PortableCaseKeys } from '../../../shared/crypto';
import { adoptPortableKeys } from '../../db/case-keys';
import { openCaseStore } from '../../db/schema';
import type { LedgerFacts, TraceRun, TraceWorkerRequest, TraceWorkerResponse } from './trace-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const METHODS: readonly TraceMethod[] = ['pro-rata', 'fifo', 'lifo', 'poisoned'];
let ledger: Ledger | null = null;
let banks: BankDirectory | null = null;

const send = (message: TraceWorkerResponse) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<TraceWorkerRequest>) => {
  const message = event.data;
  try {
    if (message.type === 'load') {
      banks = createBankDirectory(
        applyBinAdditions(message.bins, [...message.additions]),
        parseIbanCodeTable(ibanCodes),
      );
      ledger = await loadLedger(message.caseId, message.keys);
      send({ type: 'loaded', facts: factsOf(ledger) });
      return;
    }
    if (!ledger || !banks) throw new Error('the case is not loaded yet');
    // The trace first, shown as soon as it is ready; the patterns among the places it reached
    // follow in a second message (they take as long as the trace itself on a big case).
    const { run, reached } = runOnce(ledger, banks, { ...message.request, patterns: false });
    let compared: Record<string, TraceRun> | undefined;
    if (message.compare) {
      compared = {};
      for (const method of METHODS)
        compared[method] = runOnce(ledger, banks, {
          ...message.request,
          method,
          pathsPerNode: 0,
          patterns: false,
        }).run;
    }
    send({ type: 'result', id: message.id, run, ...(compared ? { compared } : {}) });
    const findings = detectPatterns(ledger, message.request.patternThresholds, { nodes: reached });
    send({ type: 'patterns', id: message.id, patterns: patternsJson(ledger, findings) });
  } catch (error) {
    const id = message.type === 'run' ? message.id : undefined;
    if (error instanceof SeedNotFoundError) {
      send({ type: 'failed', id, message: error.message, seeds: error.problems.map((p) => p.input) });
    } else {
      send({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    }
  }
};

function runOnce(l: Ledger, b: BankDirectory, request: TraceRequest): { run: TraceRun; reached: number[] } {
  const answer = runTrace(l, request, b);
  const paths = (node: number, maxPaths: number) => explain(l, answer.result, node, { maxPaths });
  return {
    run: { json: answer.json, picture: flowPicture(l, answer.result, paths) },
    reached: answer.result.reached.map((r) => r.node),
  };
}

async function loadLedger(caseId: string, keys: PortableCaseKeys | null): Promise<Ledger> {
  const db = openCaseStore();
  try {
    await adoptPortableKeys(db, caseId, keys);
    return await loadCaseLedger(db, caseId);
  } finally {
    db.close();
  }
}

function factsOf(l: Ledger): LedgerFacts {
  const through = new Float64Array(l.nodes.length);
  for (const t of l.transfers) {
    through[t.from] = (through[t.from] ?? 0) + (t.kztMinor ?? t.amountMinor);
    through[t.to] = (through[t.to] ?? 0) + (t.kztMinor ?? t.amountMinor);
  }
  const suggestions = l.nodes
    .filter((n) => n.hasStatement)
    .sort((a, b) => (through[b.id] ?? 0) - (through[a.id] ?? 0) || a.id - b.id)
    .slice(0, 20)
    .flatMap((n) =>
      // Offer every identifier of the place: investigators start from the phone the shop showed.
      n.identifiers
        .filter((k) => !k.startsWith('card_masked:'))
        .map((k) => {
          const [kind = '', value = ''] = k.split(/:(.*)/s);
          return { kind, value, label: value, ...(n.holder ? { holder: n.holder } : {}) };
        }),
    );
  return { nodes: l.nodes.length, transfers: l.transfers.length, unplaced: l.unplaced ?? 0, suggestions };
}
