import type { DuplicateReview } from './review-data';
import { caseLocks } from '../lock/case-locks';

/** Builds the review in a throw-away worker. */
export function runDuplicateReview(caseId: string): Promise<DuplicateReview> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./duplicates.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (
      event: MessageEvent<{ ok: true; review: DuplicateReview } | { ok: false; message: string }>,
    ) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.review);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The duplicate review stopped unexpectedly'));
    };
    // The case's keys (CryptoKeys survive postMessage), null for a case stored unencrypted.
    worker.postMessage({ caseId, keys: caseLocks.keysForWorker(caseId) });
  });
}
