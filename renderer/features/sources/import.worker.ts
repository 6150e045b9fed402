/// <reference lib="webworker" />
import { importStatement, previewStatement } from '../../../shared/import';
import type { MappingOverrides } from '../../../shared/import/pipeline/types';
import { prepareForStore } from '../../../shared/store/prepare';
import { transferablesOf } from '../../../shared/store/transaction-block';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/**
 * Parses one untrusted file off the UI thread. Only plain data leaves this worker; the case
 * store is written by the page after the result arrives, in one transaction.
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
    const sha256 = await sha256Hex(request.bytes);
    const result = importStatement(request.bytes, request.fileName, {
      importedAt: request.importedAt,
      sha256,
      mappingOverrides: request.mappingOverrides as MappingOverrides | undefined,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastReport > 200 || done === total) {
          lastReport = now;
          post({ type: 'progress', done, total });
        }
      },
    });
    const prepared = prepareForStore(result);
    post({ type: 'imported', prepared }, prepared.blocks.flatMap(transferablesOf));
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
