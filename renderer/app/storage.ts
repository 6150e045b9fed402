import { useEffect, useState } from 'react';

export interface StorageStatus {
  usedBytes: number;
  quotaBytes: number;
  persisted: boolean;
}

/** Above this share of the quota, the investigator is warned before the next import fails. */
export const STORAGE_WARNING_SHARE = 0.8;

/**
 * Asks the browser to keep the case store even under storage pressure (an evicted case is lost
 * evidence) and reports how full the store is, refreshed every 30 s.
 */
export function useStorageStatus(): StorageStatus | null {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const read = async () => {
      if (!navigator.storage?.estimate) return;
      const persisted =
        (await navigator.storage.persisted?.()) || (await navigator.storage.persist?.()) || false;
      const estimate = await navigator.storage.estimate();
      if (alive) setStatus({ usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted });
    };
    void read();
    const timer = setInterval(() => void read(), 30_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  return status;
}

export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  // Dexie wraps it: an aborted transaction keeps it as `inner`; bulkAdd/bulkPut (BulkError) and
  // update/modify (ModifyError) list it among `failures` — where an import's blocks fail first.
  const { inner, failures } = error as Error & { inner?: unknown; failures?: unknown };
  return isQuotaError(inner) || (Array.isArray(failures) && failures.some(isQuotaError));
}
