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
import type { ExtractAnswer, ExtractRequest } from './extraction-protocol';

export class WorkerExtraction implements AsyncExtractionService {
  private readonly worker: Worker | null;
  /** Texts of each batch until its findings are in. */
  private readonly pending = new Map<number, string[]>();
  private readonly findings: PackedFindings[] = [];
  private submitted = 0;
  private local: ((texts: readonly string[]) => PackedFindings) | null = null;
  /** Batches extracted by the worker / here (for tests and the bench). */
  extractedThere = 0;
  extractedHere = 0;

  constructor(start: () => Worker) {
    let worker: Worker | null = null;
    try {
      worker = start();
      worker.onmessage = (event: MessageEvent<ExtractAnswer>) => this.answer(event.data);
      worker.onerror = () => this.abandon();
    } catch {
      worker = null;
    }
    this.worker = worker;
  }

  submit(texts: string[]): void {
    const id = this.submitted++;
    this.pending.set(id, texts);
    if (this.worker === null) this.extractHere(id);
    else this.worker.postMessage({ id, texts } satisfies ExtractRequest);
  }

  async collect(): Promise<PackedFindings[]> {
    // Let the answers that queued up while rows were read come in first.
    await nextTask();
    while (this.pending.size > 0) {
      this.extractHere(lastKey(this.pending));
      await nextTask();
    }
    return this.findings;
  }

  close(): void {
    this.worker?.terminate();
  }

  private answer(answer: ExtractAnswer): void {
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
