/**
 * AsyncExtractionService on a worker started by the import worker: the second core extracts
 * identifiers from payment purposes while the import worker reads rows. Answers arrive as
 * messages, so they wait until the import worker is done reading; then, instead of idling while
 * the extraction worker works through its backlog, the import worker extracts batches from the
 * back of it itself (a batch taken here is ignored when the worker's answer for it arrives).
 * A worker that cannot start or fails leaves its batches to be extracted here: the result is the
 * same, only slower.
 */
import { extractIdentifiers } from '../../../shared/identifiers';
import type { AsyncExtractionService, PackedFindings } from '../../../shared/import';
import { BatchLedger } from '../../../shared/import/pipeline/remote-extraction';
import type { ExtractRequest, ExtractStart, WorkerAnswer } from './extraction-protocol';

export class WorkerExtraction implements AsyncExtractionService {
  private readonly worker: Worker | null;
  /** Requests and answers (see extraction-protocol.ts for why not the worker itself). */
  private readonly port: MessagePort | null;
  private readonly batches = new BatchLedger((text) => extractIdentifiers(text));
  private readonly loaded: Promise<void>;

  /** `onProgress`: batches in, batches submitted — while `collect` waits for the rest. */
  constructor(
    start: () => Worker,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    let worker: Worker | null = null;
    let port: MessagePort | null = null;
    let loaded = (): void => undefined;
    this.loaded = new Promise((resolve) => (loaded = resolve));
    try {
      worker = start();
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = (event: MessageEvent<WorkerAnswer>) => {
        if ('ready' in event.data) loaded();
        else this.batches.settle(event.data);
      };
      // The worker failed: whatever it still owed is extracted here, in `collect`.
      worker.onerror = () => {
        worker?.terminate();
        loaded();
      };
      const hello: ExtractStart = { port: channel.port2 };
      worker.postMessage(hello, [channel.port2]);
    } catch {
      worker?.terminate();
      worker = null;
      port = null;
      loaded();
    }
    this.worker = worker;
    this.port = port;
  }

  /** Batches extracted by the worker / here (for tests and the bench). */
  get extractedThere(): number {
    return this.batches.extractedThere;
  }

  get extractedHere(): number {
    return this.batches.extractedHere;
  }

  /**
   * Resolves once the worker has loaded (or failed to). Wait for it before reading rows: a
   * nested worker's script is fetched through the worker that starts it, which cannot happen
   * while that worker reads rows without pause — the extraction would only start afterwards.
   */
  ready(timeoutMs = 10_000): Promise<void> {
    return Promise.race([this.loaded, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
  }

  submit(texts: string[]): void {
    const id = this.batches.add(texts);
    if (this.port === null) this.batches.extractHere(id);
    else {
      const request: ExtractRequest = { id, texts };
      this.port.postMessage(request);
    }
  }

  async collect(): Promise<PackedFindings[]> {
    const batches = this.batches;
    // Let the answers that queued up while rows were read come in first.
    await nextTask();
    while (batches.waiting > 0) {
      this.onProgress?.(batches.submitted - batches.waiting, batches.submitted);
      batches.extractHere(batches.newestWaiting());
      await nextTask();
    }
    this.onProgress?.(batches.submitted, batches.submitted);
    return batches.all();
  }

  close(): void {
    this.port?.close();
    this.worker?.terminate();
  }
}

/** A macrotask: message events queued meanwhile are delivered before it runs. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
