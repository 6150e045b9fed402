/// <reference lib="webworker" />
/**
 * The import worker's own worker: extracts identifiers from batches of payment purposes while
 * the import worker reads rows (see shared/import/pipeline/remote-extraction.ts). It holds no
 * case data and touches no store; it ends with the import worker that started it.
 */
import { extractIdentifiers } from '../../../shared/identifiers';
import { answerWith, batchExtractor } from '../../../shared/import/pipeline/remote-extraction';
import type { ExtractRequest, ExtractStart, WorkerAnswer } from './extraction-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const answer = answerWith(batchExtractor((text) => extractIdentifiers(text)));

scope.onmessage = (start: MessageEvent<ExtractStart>) => {
  const { port } = start.data;
  port.onmessage = (event: MessageEvent<ExtractRequest>) => {
    const reply: WorkerAnswer = answer(event.data);
    port.postMessage(
      reply,
      'counts' in reply ? [reply.counts.buffer as ArrayBuffer, reply.refs.buffer as ArrayBuffer] : [],
    );
  };
  const ready: WorkerAnswer = { ready: true };
  port.postMessage(ready);
};
