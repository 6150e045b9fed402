/// <reference lib="webworker" />
import { importStatement, importStatementAsync, previewStatement } from '../../../shared/import';
import type { ImportOptions, MappingOverrides } from '../../../shared/import/pipeline/types';
import type { StatementImport } from '../../../shared/model/statement';
import { prepareForStore, type PreparedImport } from '../../../shared/store/prepare';
import { adoptPortableKeys } from '../../db/case-keys';
import { openCaseStore } from '../../db/schema';
import { AlreadyImportedError, sourceRepository } from '../../db/sources';
import { isQuotaError } from '../../app/storage';
import type { ImportPhase, WorkerRequest, WorkerResponse } from './worker-protocol';
import { WorkerExtraction } from './worker-extraction';

/**
 * Parses one untrusted file off the UI thread and stores the result in one IndexedDB transaction
 * (IndexedDB works in workers). Only progress and a summary go back to the page.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/** WebCrypto hashes in native code, far faster than the pure-JS fallback inside the pipeline. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Below this a statement imports faster than a second worker starts. */
const SECOND_WORKER_FROM_BYTES = 4 * 1024 * 1024;

/** A large statement's payment purposes are extracted by a worker of this worker's own. */
async function importOnTwoWorkers(
  bytes: Uint8Array,
  fileName: string,
  options: Omit<ImportOptions, 'sha256'> & { sha256: Promise<string> },
  onExtractProgress: (done: number, total: number) => void,
): Promise<StatementImport> {
  if (bytes.length < SECOND_WORKER_FROM_BYTES)
    return importStatement(bytes, fileName, { ...options, sha256: await options.sha256 });
  const extraction = new WorkerExtraction(
    () => new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module' }),
    onExtractProgress,
  );
  try {
    await extraction.ready();
    return await importStatementAsync(bytes, fileName, options, extraction);
  } finally {
    extraction.close();
  }
}

type ImportRequest = Extract<WorkerRequest, { type: 'import' }>;

/** Posts a phase's progress at most every 200 ms, and its end: a million rows must not flood the page. */
function progressReporter(): (phase: ImportPhase, done: number, total: number, records?: number) => void {
  let last = 0;
  return (phase, done, total, records) => {
    const now = performance.now();
    if (now - last <= 200 && done !== total) return;
    last = now;
    post(
      records === undefined
        ? { type: 'progress', phase, done, total }
        : { type: 'progress', phase, done, total, records },
    );
  };
}

/**
 * The file read and shaped for the store. A function of its own so that, once it returns, the
 * import's objects (a million transactions, their counterparties, ~2 million mentions) are
 * garbage: held on while the blocks were encrypted, every major collection of that step marked
 * them all again, and it took seconds longer.
 */
async function readForStore(request: ImportRequest): Promise<PreparedImport> {
  const report = progressReporter();
  // Started, not awaited: WebCrypto answers asynchronously (a 450 MB file takes ~0.7 s), so the
  // rows are read meanwhile and the hash is put in when they are.
  const sha256 = sha256Hex(request.bytes);
  post({ type: 'progress', phase: 'decoding', done: 0, total: request.bytes.length });
  const result = await importOnTwoWorkers(
    request.bytes,
    request.fileName,
    {
      importedAt: request.importedAt,
      sha256,
      mappingOverrides: request.mappingOverrides as MappingOverrides | undefined,
      onDecodeProgress: (done, total) => report('decoding', done, total),
      onReadProgress: (done, total, records) => report('parsing', done, total, records),
      onProgress: (done, total) => report('reading', done, total),
      onPlaceProgress: (done, total) => report('placing', done, total),
    },
    (done, total) => report('extracting', done, total),
  );
  const reportPrepared = progressReporter();
  return prepareForStore(result, undefined, (done, total) => reportPrepared('preparing', done, total));
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'preview') {
      const preview = previewStatement(request.bytes, request.fileName, {
        mappingOverrides: request.mappingOverrides as MappingOverrides | undefined,
      });
      post({ type: 'preview', preview });
      return;
    }
    const prepared = await readForStore(request);
    const db = openCaseStore();
    try {
      // An encrypted case's keys came with the request; the worker seals every record itself.
      await adoptPortableKeys(db, request.caseId, request.keys);
      const report = progressReporter();
      const saved = await sourceRepository(db).saveImport(
        request.caseId,
        request.actor,
        prepared,
        (done, total, step) => report(step, done, total),
      );
      post({ type: 'imported', transactions: saved.transactionCount, rejected: saved.rejected.length });
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof AlreadyImportedError) post({ type: 'duplicate', existing: error.existingName });
    else
      post({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
        quota: isQuotaError(error),
      });
  }
};
