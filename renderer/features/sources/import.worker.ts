/// <reference lib="webworker" />
import { importStatement, importStatementAsync, previewStatement } from '../../../shared/import';
import type { ImportOptions, MappingOverrides } from '../../../shared/import/pipeline/types';
import type { StatementImport } from '../../../shared/model/statement';
import { prepareForStore } from '../../../shared/store/prepare';
import { adoptPortableKeys } from '../../db/case-keys';
import { openCaseStore } from '../../db/schema';
import { AlreadyImportedError, sourceRepository } from '../../db/sources';
import { isQuotaError } from '../../app/storage';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';
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
    let lastReport = 0;
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
        onDecodeProgress: (done, total) => {
          const now = performance.now();
          if (now - lastReport > 200 || done === total) {
            lastReport = now;
            post({ type: 'progress', phase: 'decoding', done, total });
          }
        },
        onReadProgress: (done, total, records) => {
          const now = performance.now();
          if (now - lastReport > 200 || done === total) {
            lastReport = now;
            post({ type: 'progress', phase: 'parsing', done, total, records });
          }
        },
        onProgress: (done, total) => {
          const now = performance.now();
          if (now - lastReport > 200 || done === total) {
            lastReport = now;
            post({ type: 'progress', phase: 'reading', done, total });
          }
        },
        onPlaceProgress: (done, total) => {
          const now = performance.now();
          if (now - lastReport > 200 || done === total) {
            lastReport = now;
            post({ type: 'progress', phase: 'placing', done, total });
          }
        },
      },
      (done, total) => {
        const now = performance.now();
        if (now - lastReport > 200 || done === total) {
          lastReport = now;
          post({ type: 'progress', phase: 'extracting', done, total });
        }
      },
    );
    let lastPrepared = 0;
    const prepared = prepareForStore(result, undefined, (done, total) => {
      const now = performance.now();
      if (now - lastPrepared > 200 || done === total) {
        lastPrepared = now;
        post({ type: 'progress', phase: 'preparing', done, total });
      }
    });
    post({ type: 'progress', phase: 'saving', done: 0, total: prepared.details.transactionCount });
    const db = openCaseStore();
    try {
      // An encrypted case's keys came with the request; the worker seals every record itself.
      await adoptPortableKeys(db, request.caseId, request.keys);
      let lastSaved = 0;
      const saved = await sourceRepository(db).saveImport(
        request.caseId,
        request.actor,
        prepared,
        (done, total, step) => {
          const now = performance.now();
          if (now - lastSaved > 200 || done === total) {
            lastSaved = now;
            post({ type: 'progress', phase: step, done, total });
          }
        },
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
