import { useEffect, useRef, useState } from 'react';
import { caseLocks } from '../lock/case-locks';
import type { GraphRequest, GraphResponse } from './graph-protocol';

type Pending = (response: GraphResponse) => void;
type Ask = GraphRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export type GraphWorkerState =
  | { status: 'loading' }
  | { status: 'ready'; nodes: number; transfers: number; range: [number, number] | null }
  | { status: 'failed'; message: string };

/** The Graph tab's worker: holds the case's graph index; every call is a request with an answer. */
export function useGraphWorker(caseId: string) {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, Pending>());
  const nextId = useRef(1);
  const [state, setState] = useState<GraphWorkerState>({ status: 'loading' });

  useEffect(() => {
    const w = new Worker(new URL('./graph.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    const waiting = pending.current;
    w.onmessage = (event: MessageEvent<GraphResponse>) => {
      const m = event.data;
      if (m.type === 'loaded') {
        setState({ status: 'ready', nodes: m.nodes, transfers: m.transfers, range: m.range });
        return;
      }
      if (m.type === 'failed' && m.id === undefined) {
        setState({ status: 'failed', message: m.message });
        return;
      }
      if (m.id === undefined) return;
      const resolve = waiting.get(m.id);
      waiting.delete(m.id);
      resolve?.(m);
    };
    w.onerror = (event) =>
      setState({ status: 'failed', message: event.message || 'the graph worker stopped' });
    const load: GraphRequest = { type: 'load', caseId, keys: caseLocks.keysForWorker(caseId) };
    w.postMessage(load);
    return () => {
      w.terminate();
      waiting.clear();
    };
  }, [caseId]);

  const ask = <T extends GraphResponse['type']>(
    request: Ask,
    expect: T,
  ): Promise<Extract<GraphResponse, { type: T }>> =>
    new Promise((resolve, reject) => {
      const id = nextId.current++;
      pending.current.set(id, (response) => {
        if (response.type === 'failed') reject(new Error(response.message));
        else if (response.type === expect) resolve(response as Extract<GraphResponse, { type: T }>);
        else reject(new Error(`unexpected answer ${response.type}`));
      });
      worker.current?.postMessage({ ...request, id } as GraphRequest);
    });

  return { state, ask };
}
