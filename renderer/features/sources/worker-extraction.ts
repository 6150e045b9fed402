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
import { batchExtractor } from '../../../shared/import/pipeline/remote-extraction';
import type { ExtractAnswer, ExtractRequest, ExtractStart } from './extraction-protocol';

export class WorkerExtraction implements AsyncExtractionService {
  private readonly worker: Worker | null;
  /** Requests and answers (see extraction-protocol.ts for why not the worker itself). */
  private readonly port: MessagePort | null;
  /** Texts of each batch until its findings are in. */
  private readonly pending = new Map<number, string[]>();
  private readonly findings: PackedFindings[] = [];
  private submitted = 0;
  private local: ((texts: readonly string[]) => PackedFindings) | null = null;
  /** Batches extracted by the worker / here (for tests and the bench). */
  extractedThere = 0;
  extractedHere = 0;

  /** `onProgress`: batches in, batches submitted — while `collect` waits for the rest. */
  private readonly loaded: Promise<void>;

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
      port.onmessage = (event: MessageEvent<ExtractAnswer>) => {
        if ('ready' in event.data) loaded();
        else this.answer(event.data);
      };
      worker.onerror = () => {
        this.abandon();
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

  /**
   * Resolves once the worker has loaded (or failed to). Wait for it before reading rows: a
   * nested worker's script is fetched through the worker that starts it, which cannot happen
   * while that worker reads rows without pause — the extraction would only start afterwards.
   */
  ready(timeoutMs = 10_000): Promise<void> {
    return Promise.race([this.loaded, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
  }

  submit(texts: string[]): void {
    const id = this.submitted++;
    this.pending.set(id, texts);
    if (this.port === null) this.extractHere(id);
    else {
      const request: ExtractRequest = { id, texts };
      this.port.postMessage(request);
    }
  }

  async collect(): Promise<PackedFindings[]> {
    // Let the answers that queued up while rows were read come in first.
    await nextTask();
    while (this.pending.size > 0) {
      this.onProgress?.(this.submitted - this.pending.size, this.submitted);
      this.extractHere(lastKey(this.pending));
      await nextTask();
    }
    this.onProgress?.(this.submitted, this.submitted);
    return this.findings;
  }

  close(): void {
    this.port?.close();
    this.worker?.terminate();
  }

  private answer(answer: Exclude<ExtractAnswer, { ready: true }>): void {
    if (!this.pending.has(answer.id)) return;
    if ('error' in answer) this.extractHere(answer.id);
    else {
      this.findings[answer.id] = { counts: answer.counts, strings: answer.strings };
      this.pending.delete(answer.id);
      this.extractedThere++;
    }
  }

  /** The worker failed: whatever it still owed is extracted here, in `collect`. */
  private abandon(): void {
    this.worker?.terminate();
  }

  private extractHere(id: number): void {
    this.local ??= batchExtractor((text) => extractIdentifiers(text));
    this.findings[id] = this.local(this.pending.get(id) as string[]);
    this.pending.delete(id);
    this.extractedHere++;
  }
}

function lastKey(map: Map<number, unknown>): number {
  let last = -1;
  for (const key of map.keys()) last = key;
  return last;
}

/** A macrotask: message events queued meanwhile are delivered before it runs. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
