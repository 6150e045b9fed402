/**
 * ExtractionService on a worker thread for one CLI import. The import itself is synchronous, so
 * answers are taken with `receiveMessageOnPort` (no event loop needed) and, at the end, waited
 * for with `Atomics.wait` on a counter the worker bumps. Whatever the worker cannot deliver — it
 * failed to start, threw, or stopped answering — is extracted here instead: the result is the
 * same either way, only slower.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { extractIdentifiers } from '../shared/identifiers';
import {
  BatchLedger,
  byteSourceOf,
  importStatement,
  type ExtractionService,
  type ExtractRequest,
  type PackedFindings,
} from '../shared/import';
import type { ExtractWorkerData, ThreadAnswer } from './extract-worker';

/** No answer for this long while answers are due: the worker is taken to be gone. */
const STALL_MS = 30_000;
/** Batches that can be claimed (a million-row statement has ~250); later ones are never stolen. */
const CLAIMS = 1 << 16;

export class ExtractionThread implements ExtractionService {
  private readonly worker: Worker | null;
  private readonly port: MessagePort | null;
  private readonly answered = new Int32Array(new SharedArrayBuffer(4));
  /** Per batch: 0 free, 1 taken by the worker, 2 taken here (see `collect`). */
  private readonly claims = new Int32Array(new SharedArrayBuffer(4 * CLAIMS));
  private readonly batches = new BatchLedger((text) => extractIdentifiers(text));

  constructor(
    workerUrl: URL = defaultWorkerUrl(),
    private readonly stallMs = STALL_MS,
  ) {
    let worker: Worker | null = null;
    let port: MessagePort | null = null;
    try {
      const channel = new MessageChannel();
      const data: ExtractWorkerData = {
        port: channel.port2,
        signal: this.answered.buffer as SharedArrayBuffer,
        claims: this.claims.buffer as SharedArrayBuffer,
      };
      worker = new Worker(workerUrl, { workerData: data, transferList: [channel.port2] });
      worker.unref();
      // An error event is only delivered when the loop runs; the stall deadline covers the import.
      worker.on('error', () => undefined);
      port = channel.port1;
    } catch {
      worker = null;
    }
    this.worker = worker;
    this.port = port;
  }

  /** Batches extracted on this thread (taken from the back of the queue, or not delivered) / by the worker. */
  get extractedHere(): number {
    return this.batches.extractedHere;
  }

  get extractedThere(): number {
    return this.batches.extractedThere;
  }

  submit(texts: string[]): void {
    const id = this.batches.add(texts);
    if (this.port === null) this.batches.extractHere(id);
    else {
      const request: ExtractRequest = { id, texts };
      this.port.postMessage(request);
      this.take();
    }
  }

  /**
   * Rather than idle while the worker works through its queue, this thread takes batches from
   * the back of it (each batch is claimed once, atomically, so none is extracted twice): both
   * cores finish the rest together.
   */
  collect(): PackedFindings[] {
    const batches = this.batches;
    let lastSeen = Atomics.load(this.answered, 0);
    let lastChange = Date.now();
    while (batches.waiting > 0) {
      this.take();
      if (batches.waiting === 0) break;
      const last = batches.newestWaiting();
      if (last < CLAIMS && Atomics.compareExchange(this.claims, last, 0, 2) === 0) {
        batches.extractHere(last);
        continue;
      }
      Atomics.wait(this.answered, 0, lastSeen, 1000);
      const now = Atomics.load(this.answered, 0);
      if (now !== lastSeen) {
        lastSeen = now;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > this.stallMs) {
        for (const id of batches.waitingIds()) batches.extractHere(id);
      }
    }
    return batches.all();
  }

  /** Answers the worker has posted so far, taken or not (for tests). */
  answeredSoFar(): number {
    return Atomics.load(this.answered, 0);
  }

  close(): void {
    this.port?.close();
    void this.worker?.terminate();
  }

  private take(): void {
    if (this.port === null) return;
    for (let m = receiveMessageOnPort(this.port); m !== undefined; m = receiveMessageOnPort(this.port)) {
      const answer = m.message as ThreadAnswer;
      // A batch this thread claimed is settled already; the worker's "taken" changes nothing.
      if (!('taken' in answer)) this.batches.settle(answer);
    }
  }
}

/** Beside the built CLI: extract-worker.mjs; from the sources (tests): a bootstrap through tsx. */
function defaultWorkerUrl(): URL {
  const built = new URL('./extract-worker.mjs', import.meta.url);
  return existsSync(built) ? built : new URL('./extract-worker.dev.mjs', import.meta.url);
}

/** Below this a statement imports faster than a worker thread starts. */
const SECOND_THREAD_FROM_BYTES = 4 * 1024 * 1024;

/** importStatement with a large file's payment purposes extracted on a second thread. */
export const importOnTwoThreads: typeof importStatement = (bytes, fileName, options) => {
  if (byteSourceOf(bytes).size < SECOND_THREAD_FROM_BYTES || options.extraction)
    return importStatement(bytes, fileName, options);
  const thread = new ExtractionThread();
  try {
    return importStatement(bytes, fileName, { ...options, extraction: thread });
  } finally {
    thread.close();
  }
};
