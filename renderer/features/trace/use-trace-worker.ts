import { useEffect, useRef, useState } from 'react';
import type { TraceRequest } from '../../../shared/investigate';
import { bankTables } from '../../app/bank-directory';
import { caseLocks } from '../lock/case-locks';
import type { LedgerFacts, TraceRun, TraceWorkerRequest, TraceWorkerResponse } from './trace-protocol';

export type TraceState =
  { status: 'loading' } | { status: 'ready'; facts: LedgerFacts } | { status: 'failed'; message: string };

export interface TraceOutcome {
  run?: TraceRun;
  compared?: Record<string, TraceRun>;
  error?: { message: string; seeds?: string[] };
  running: boolean;
  /** True until the run's patterns have arrived (they follow its result). */
  findingPatterns?: boolean;
}

/** One worker per open Trace tab: it keeps the case's ledger, so re-running with other bounds is quick. */
export function useTraceWorker(caseId: string) {
  const worker = useRef<Worker | null>(null);
  const lastId = useRef(0);
  const [state, setState] = useState<TraceState>({ status: 'loading' });
  const [outcome, setOutcome] = useState<TraceOutcome>({ running: false });

  useEffect(() => {
    const w = new Worker(new URL('./trace.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<TraceWorkerResponse>) => {
      const m = event.data;
      if (m.type === 'loaded') setState({ status: 'ready', facts: m.facts });
      else if (m.type === 'result' && m.id === lastId.current)
        setOutcome({
          run: m.run,
          ...(m.compared ? { compared: m.compared } : {}),
          running: false,
          findingPatterns: true,
        });
      else if (m.type === 'patterns' && m.id === lastId.current)
        setOutcome((previous) =>
          previous.run
            ? {
                ...previous,
                run: { ...previous.run, json: { ...previous.run.json, patterns: m.patterns } },
                findingPatterns: false,
              }
            : previous,
        );
      else if (m.type === 'failed' && m.id === undefined) setState({ status: 'failed', message: m.message });
      else if (m.type === 'failed' && m.id === lastId.current)
        setOutcome({ error: { message: m.message, ...(m.seeds ? { seeds: m.seeds } : {}) }, running: false });
    };
    w.onerror = (event) =>
      setState({ status: 'failed', message: event.message || 'the trace worker stopped' });
    const load: TraceWorkerRequest = {
      type: 'load',
      caseId,
      bins: bankTables.table(),
      additions: bankTables.additions(),
      keys: caseLocks.keysForWorker(caseId),
    };
    w.postMessage(load);
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [caseId]);

  const run = (request: TraceRequest, compare: boolean) => {
    lastId.current += 1;
    setOutcome((previous) => ({ ...previous, running: true }));
    const message: TraceWorkerRequest = { type: 'run', id: lastId.current, request, compare };
    worker.current?.postMessage(message);
  };

  return { state, outcome, run };
}
