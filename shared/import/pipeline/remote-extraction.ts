/**
 * Identifier extraction from payment purposes handed to someone else — in the CLI a second
 * thread, so the second core extracts while the first reads rows. Extraction is a pure function
 * of the text, so where it runs cannot change the result; the collector only has to put each
 * text's findings back where the text was met (see MentionCollector.finish).
 *
 * Findings cross the thread boundary packed: a count pair per text, one index per string, and
 * each distinct string of the batch once — instead of an object per identifier that the
 * structured clone would copy field by field, and a fresh copy of `iban` or of a message for each
 * finding. The receiving side gets the kinds and reasons back as its own constants
 * (`findingStrings`), so a million findings share nine kind strings whose hashes are computed
 * once, not a million fresh strings that every later grouping hashes again.
 */
import { IDENTIFIER_KINDS, REJECT_REASONS, type Extraction } from '../../identifiers';
import { StringTable } from '../../store/string-table';
import { TextCache } from './text-cache';

export interface PackedFindings {
  /** Per text: number of identifiers found, then number of rejected look-alikes. */
  counts: Int32Array;
  /** Per identifier: kind, value; then per rejected look-alike: kind, raw, reason, message — indexes into `strings`. */
  refs: Int32Array;
  /** Each distinct string of the batch, once. */
  strings: string[];
}

/** Where the collector hands texts, in batches, in the order they are met. */
export interface ExtractionSink {
  submit(texts: string[]): void;
}

/** `collect` returns one PackedFindings per submitted batch, in order, waiting for the last ones. */
export interface ExtractionService extends ExtractionSink {
  collect(): PackedFindings[];
}

/** The same, for a service whose answers arrive as messages (a web worker). */
export interface AsyncExtractionService extends ExtractionSink {
  collect(): Promise<PackedFindings[]>;
}

export function packFindings(extractions: readonly Extraction[]): PackedFindings {
  const counts = new Int32Array(extractions.length * 2);
  let total = 0;
  for (const { mentions, rejected } of extractions) total += 2 * mentions.length + 4 * rejected.length;
  const refs = new Int32Array(total);
  const table = new StringTable();
  let r = 0;
  for (let i = 0; i < extractions.length; i++) {
    const { mentions, rejected } = extractions[i] as Extraction;
    counts[2 * i] = mentions.length;
    counts[2 * i + 1] = rejected.length;
    for (const m of mentions) {
      refs[r++] = table.of(m.kind);
      refs[r++] = table.of(m.value);
    }
    for (const x of rejected) {
      refs[r++] = table.of(x.kind);
      refs[r++] = table.of(x.raw);
      refs[r++] = table.of(x.reason);
      refs[r++] = table.of(x.message);
    }
  }
  return { counts, refs, strings: table.strings };
}

/** Kinds and reasons as this side's own strings (see the top of this file). */
const CONSTANTS = new Map<string, string>(
  [...IDENTIFIER_KINDS, ...REJECT_REASONS].map((name) => [name, name]),
);

/** A batch's strings, with kind and reason names replaced by the constants they spell. */
export function findingStrings(findings: PackedFindings): string[] {
  return findings.strings.map((text) => CONSTANTS.get(text) ?? text);
}

/** What the other side runs: one cache across batches, since statements repeat their purposes. */
export function batchExtractor(
  extract: (text: string) => Extraction,
  cacheLimit = 100_000,
): (texts: readonly string[]) => PackedFindings {
  const cache = new TextCache(extract, cacheLimit);
  return (texts) => packFindings(texts.map((t) => cache.get(t)));
}

/** A batch of payment purposes sent to an extraction worker. */
export interface ExtractRequest {
  id: number;
  texts: string[];
}

/** An extraction worker's answer to one batch (each host adds messages of its own). */
export type ExtractAnswer = ({ id: number } & PackedFindings) | { id: number; error: string };

/** The worker's side: one request in, one answer out, never a throw (a failed batch is extracted by the importer). */
export function answerWith(
  extract: (texts: readonly string[]) => PackedFindings,
): (request: ExtractRequest) => ExtractAnswer {
  return ({ id, texts }) => {
    try {
      const { counts, refs, strings } = extract(texts);
      return { id, counts, refs, strings };
    } catch (error) {
      return { id, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/**
 * The importer's side: the batches handed out, by id, until their findings are in — from the
 * worker's answer, or extracted here (an answer that is an error, a batch taken from the back of
 * the worker's queue, a worker that is gone). Either way the findings are the same.
 */
export class BatchLedger {
  private readonly open = new Map<number, string[]>();
  private readonly findings: PackedFindings[] = [];
  private local: ((texts: readonly string[]) => PackedFindings) | null = null;
  /** Batches handed out so far. */
  submitted = 0;
  /** Batches extracted here / delivered by the worker. */
  extractedHere = 0;
  extractedThere = 0;

  constructor(private readonly extract: (text: string) => Extraction) {}

  /** A new batch's id. */
  add(texts: string[]): number {
    const id = this.submitted++;
    this.open.set(id, texts);
    return id;
  }

  /** A worker's answer; ignored when the batch was settled already (taken here first). */
  settle(answer: ExtractAnswer): void {
    if (!this.open.has(answer.id)) return;
    if ('error' in answer) {
      this.extractHere(answer.id);
      return;
    }
    this.findings[answer.id] = { counts: answer.counts, refs: answer.refs, strings: answer.strings };
    this.open.delete(answer.id);
    this.extractedThere++;
  }

  extractHere(id: number): void {
    const texts = this.open.get(id);
    if (texts === undefined) return;
    this.local ??= batchExtractor(this.extract);
    this.findings[id] = this.local(texts);
    this.open.delete(id);
    this.extractedHere++;
  }

  /** Batches whose findings are not in yet. */
  get waiting(): number {
    return this.open.size;
  }

  /** The newest batch not settled yet, -1 when all are. */
  newestWaiting(): number {
    let last = -1;
    for (const id of this.open.keys()) last = id;
    return last;
  }

  waitingIds(): number[] {
    return [...this.open.keys()];
  }

  /** One PackedFindings per batch, in order (once `waiting` is 0). */
  all(): PackedFindings[] {
    return this.findings;
  }
}
