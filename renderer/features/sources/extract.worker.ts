/// <reference lib="webworker" />
/**
 * The import worker's own worker: extracts identifiers from batches of payment purposes while
 * the import worker reads rows (see shared/import/pipeline/remote-extraction.ts). It holds no
 * case data and touches no store; it ends with the import worker that started it.
 */
import { extractIdentifiers } from '../../../shared/identifiers';
import { batchExtractor } from '../../../shared/import/pipeline/remote-extraction';
import type { ExtractAnswer, ExtractRequest, ExtractStart } from './extraction-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const extract = batchExtractor((text) => extractIdentifiers(text));

scope.onmessage = (start: MessageEvent<ExtractStart>) => {
  const { port } = start.data;
  port.onmessage = (event: MessageEvent<ExtractRequest>) => {
    const { id, texts } = event.data;
    let answer: ExtractAnswer;
    try {
      const { counts, strings } = extract(texts);
      answer = { id, counts, strings };
    } catch (error) {
      answer = { id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer, 'counts' in answer ? [answer.counts.buffer as ArrayBuffer] : []);
  };
  const ready: ExtractAnswer = { ready: true };
  port.postMessage(ready);
};
