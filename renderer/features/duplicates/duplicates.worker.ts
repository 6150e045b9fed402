/// <reference lib="webworker" />
import type { PortableCaseKeys } from '../../../shared/crypto';
import { adoptPortableKeys } from '../../db/case-keys';
import { openCaseStore } from '../../db/schema';
import { buildDuplicateReview } from './review-data';

/**
 * Duplicate detection reads every transaction of the case, which would freeze the page on a big
 * case: the worker opens the store itself (IndexedDB works in workers) and sends back the queue.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<{ caseId: string; keys: PortableCaseKeys | null }>) => {
  const db = openCaseStore();
  try {
    await adoptPortableKeys(db, event.data.caseId, event.data.keys);
    scope.postMessage({ ok: true, review: await buildDuplicateReview(db, event.data.caseId) });
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  } finally {
    db.close();
  }
};
