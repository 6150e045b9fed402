/**
 * Identifier extraction from payment purposes handed to someone else — in the CLI a second
 * thread, so the second core extracts while the first reads rows. Extraction is a pure function
 * of the text, so where it runs cannot change the result; the collector only has to put each
 * text's findings back where the text was met (see MentionCollector.finish).
 *
 * Findings cross the thread boundary packed: a count pair per text and one flat string list,
 * instead of an object per identifier that the structured clone would copy field by field.
 */
import type { Extraction } from '../../identifiers';
import { TextCache } from './text-cache';

export interface PackedFindings {
  /** Per text: number of identifiers found, then number of rejected look-alikes. */
  counts: Int32Array;
  /** Per identifier: kind, value; then per rejected look-alike: kind, raw, reason, message. */
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
  const strings: string[] = [];
  for (let i = 0; i < extractions.length; i++) {
    const { mentions, rejected } = extractions[i] as Extraction;
    counts[2 * i] = mentions.length;
    counts[2 * i + 1] = rejected.length;
    for (const m of mentions) strings.push(m.kind, m.value);
    for (const r of rejected) strings.push(r.kind, r.raw, r.reason, r.message);
  }
  return { counts, strings };
}

/** What the other side runs: one cache across batches, since statements repeat their purposes. */
export function batchExtractor(
  extract: (text: string) => Extraction,
  cacheLimit = 100_000,
): (texts: readonly string[]) => PackedFindings {
  const cache = new TextCache(extract, cacheLimit);
  return (texts) => packFindings(texts.map((t) => cache.get(t)));
}
