import type { ImportPhase, WorkerRequest, WorkerResponse } from './worker-protocol';
import { AlreadyImportedError } from '../../db/sources';
import { DEFAULT_LIMITS, parseTimeRefusal } from '../../../shared/import/read/limits';

export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled; the case was not changed');
    this.name = 'ImportCancelledError';
  }
}

/**
 * A file that takes longer than this to read is treated as hostile or broken, not waited on: the
 * importer's own `maxParseSeconds`, which only the host can enforce (shared code cannot stop a
 * parse that is running), so the refusal reads like every other limit's.
 */
export const WORKER_TIME_LIMIT_MS = DEFAULT_LIMITS.maxParseSeconds * 1000;

/**
 * Runs one request in a fresh worker and throws the worker away afterwards, whatever happens:
 * finished, failed, cancelled or over time. The bytes are transferred, not copied.
 */
export function runImportWorker<T extends WorkerResponse['type']>(
  request: WorkerRequest,
  expect: T,
  options: {
    onProgress?: (done: number, total: number, phase: ImportPhase, records?: number) => void;
    signal?: AbortSignal;
    timeLimitMs?: number;
  } = {},
): Promise<Extract<WorkerResponse, { type: T }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(new ImportCancelledError());
    };
    const timer = setTimeout(() => {
      finish();
      const seconds = (options.timeLimitMs ?? WORKER_TIME_LIMIT_MS) / 1000;
      reject(parseTimeRefusal(request.fileName, seconds, DEFAULT_LIMITS));
    }, options.timeLimitMs ?? WORKER_TIME_LIMIT_MS);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        options.onProgress?.(message.done, message.total, message.phase, message.records);
        return;
      }
      finish();
      if (message.type === expect) resolve(message as Extract<WorkerResponse, { type: T }>);
      else if (message.type === 'duplicate')
        reject(new AlreadyImportedError(request.fileName, message.existing));
      else if (message.type === 'failed') {
        // Keep the name a full disk is recognised by, across the worker boundary.
        reject(
          Object.assign(new Error(message.message), message.quota ? { name: 'QuotaExceededError' } : {}),
        );
      } else reject(new Error(`import worker answered ${message.type} to ${request.type}`));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The import worker stopped unexpectedly'));
    };
    // Copy the bytes once so the caller's buffer survives the transfer (it may import again).
    const bytes = request.bytes.slice();
    worker.postMessage({ ...request, bytes }, [bytes.buffer]);
  });
}
