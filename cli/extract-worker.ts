/**
 * The second thread of a CLI import: extracts identifiers from batches of payment purposes (see
 * shared/import/pipeline/remote-extraction.ts). Each answer bumps a shared counter so the main
 * thread, which waits synchronously inside the import, wakes up for it.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { extractIdentifiers } from '../shared/identifiers';
import { answerWith, batchExtractor, type ExtractAnswer, type ExtractRequest } from '../shared/import';

/** The shared answers, or: the main thread claimed the batch first and extracted it itself. */
export type ThreadAnswer = ExtractAnswer | { id: number; taken: true };

export interface ExtractWorkerData {
  port: MessagePort;
  /** Int32 counter: answers posted so far. */
  signal: SharedArrayBuffer;
  /** Int32 per batch id: 0 free, 1 ours, 2 the main thread's. */
  claims: SharedArrayBuffer;
}

function serve({ port, signal, claims: claimBuffer }: ExtractWorkerData): void {
  const answered = new Int32Array(signal);
  const claims = new Int32Array(claimBuffer);
  const answer = answerWith(batchExtractor((text) => extractIdentifiers(text)));
  port.on('message', (request: ExtractRequest) => {
    const { id } = request;
    const reply: ThreadAnswer =
      id < claims.length && Atomics.compareExchange(claims, id, 0, 1) !== 0
        ? { id, taken: true }
        : answer(request);
    port.postMessage(
      reply,
      'counts' in reply ? [reply.counts.buffer as ArrayBuffer, reply.refs.buffer as ArrayBuffer] : [],
    );
    Atomics.add(answered, 0, 1);
    Atomics.notify(answered, 0);
  });
}

const data = workerData as Partial<ExtractWorkerData> | null;
if (
  parentPort !== null &&
  data?.signal instanceof SharedArrayBuffer &&
  data.claims instanceof SharedArrayBuffer &&
  data.port
)
  serve(data as ExtractWorkerData);
