/**
 * Identifier mentions with provenance. Statements repeat the same counterparties and purposes
 * thousands of times, so recognition and extraction results are cached by text (a cache that
 * steps aside when a column's texts do not repeat, see text-cache.ts); the statement's own
 * identifiers are recorded once per sheet (they describe the statement, not the row). Payment
 * purposes can be handed to a remote extractor instead (a second thread): see `finish`.
 */
import type { Extraction, IdentifierKind, Recognition, RecognizeHint, RejectReason } from '../../identifiers';
import { extractIdentifiers, recognize } from '../../identifiers';
import type { IdentifierMention, InvalidMention, MentionRole } from '../../model/statement';
import { findingStrings, type ExtractionSink, type PackedFindings } from './remote-extraction';
import { keep } from './keep';
import { TextCache } from './text-cache';

const CACHE_LIMIT = 100_000;
const IBAN_START = /^[A-Za-z]{2}\d{2}/;
/** finish reports every 65,536 texts. */
const PLACE_REPORT_MASK = 0xffff;
/** Texts per batch handed to a remote extractor. */
const BATCH = 4096;

/** Where a text handed to the remote extractor was met: its findings go back exactly there. */
interface Deferred {
  /** mentions.length and invalid.length when the text was met. */
  mentionAt: number[];
  invalidAt: number[];
  row: number[];
  /** Index into `places`: sheet, role and column repeat for whole tables. */
  place: number[];
  places: { sheet: string; role: MentionRole; column: string | undefined }[];
  batch: string[];
}

export class MentionCollector {
  mentions: IdentifierMention[] = [];
  invalid: InvalidMention[] = [];
  /** Recognition by hint (`''`: none), then by text. */
  private readonly recognized = new Map<string, TextCache<Recognition>>();
  private readonly extracted = new TextCache<Extraction>(
    (text) => keptExtraction(extractIdentifiers(text)),
    CACHE_LIMIT,
  );
  private readonly ownSeen = new Set<string>();
  private readonly deferred: Deferred | null;

  /** With `remote`, payment purposes are extracted there; `finish` puts the findings in place. */
  constructor(private readonly remote?: ExtractionSink) {
    this.deferred = remote
      ? { mentionAt: [], invalidAt: [], row: [], place: [], places: [], batch: [] }
      : null;
  }

  /** A cell of a column whose role says what it holds (`hint`); unattributable text is skipped. */
  cell(
    raw: string,
    hint: RecognizeHint | undefined,
    role: MentionRole,
    sheet: string,
    row: number,
    column: string | undefined,
  ): void {
    if (raw === '') return;
    const result = this.recognizerFor(hint).get(raw);
    if (result.kind === 'unknown') return;
    if (role === 'own' || role === 'preamble') {
      const seen = `${role}\u0001${sheet}\u0001${result.kind}\u0001${result.ok ? result.value : raw}`;
      if (this.ownSeen.has(seen)) return;
      this.ownSeen.add(seen);
    }
    // One literal per shape (with or without `column`, always last) rather than a property added later.
    if (result.ok) {
      const { kind, value } = result;
      this.mentions.push(
        column === undefined ? { sheet, row, kind, value, role } : { sheet, row, kind, value, role, column },
      );
    } else if (hint !== undefined) {
      // Without a hint a failure only means "not an identifier"; with one it is a bad identifier.
      const { kind, reason, message } = result;
      const bad = result.raw;
      this.invalid.push(
        column === undefined
          ? { sheet, row, kind, raw: bad, reason, message, role }
          : { sheet, row, kind, raw: bad, reason, message, role, column },
      );
    }
  }

  private recognizerFor(hint: RecognizeHint | undefined): TextCache<Recognition> {
    const key = hint ?? '';
    let cache = this.recognized.get(key);
    if (cache === undefined) {
      cache = new TextCache((raw) => kept(recognize(raw, hint)), CACHE_LIMIT / 4);
      this.recognized.set(key, cache);
    }
    return cache;
  }

  /** An account-like cell: an IBAN when it looks like one, else whatever it recognizably is. */
  account(raw: string, role: MentionRole, sheet: string, row: number, column: string | undefined): void {
    this.cell(raw, IBAN_START.test(raw) ? 'iban' : undefined, role, sheet, row, column);
  }

  /** Free text (a payment purpose, a preamble line). */
  text(text: string, role: MentionRole, sheet: string, row: number, column: string | undefined): void {
    if (text.length < 8) return; // shorter than any identifier
    // A preamble's identifiers are deduplicated against earlier ones as they come: kept here.
    if (this.deferred !== null && role !== 'preamble') {
      this.defer(this.deferred, text, role, sheet, row, column);
      return;
    }
    const result = this.extracted.get(text);
    for (const m of result.mentions) {
      if (role === 'preamble') {
        const seen = `${role}\u0001${sheet}\u0001${m.kind}\u0001${m.value}`;
        if (this.ownSeen.has(seen)) continue;
        this.ownSeen.add(seen);
      }
      // One literal per shape, as in `cell` (the property order is the one JSON keeps).
      const { kind, value } = m;
      this.mentions.push(
        column === undefined ? { sheet, row, kind, value, role } : { sheet, row, kind, value, role, column },
      );
    }
    for (const r of result.rejected) {
      const { kind, raw, reason, message } = r;
      this.invalid.push(
        column === undefined
          ? { sheet, row, kind, raw, reason, message, role }
          : { sheet, row, kind, raw, reason, message, role, column },
      );
    }
  }

  private defer(
    d: Deferred,
    text: string,
    role: MentionRole,
    sheet: string,
    row: number,
    column: string | undefined,
  ): void {
    const last = d.places[d.places.length - 1];
    if (last === undefined || last.sheet !== sheet || last.role !== role || last.column !== column)
      d.places.push({ sheet, role, column });
    d.mentionAt.push(this.mentions.length);
    d.invalidAt.push(this.invalid.length);
    d.row.push(row);
    d.place.push(d.places.length - 1);
    d.batch.push(text);
    if (d.batch.length === BATCH) {
      (this.remote as ExtractionSink).submit(d.batch);
      d.batch = [];
    }
  }

  /** Hands the last, partial batch over: every deferred text has then been submitted. */
  submitRest(): void {
    const d = this.deferred;
    if (d === null || d.batch.length === 0) return;
    (this.remote as ExtractionSink).submit(d.batch);
    d.batch = [];
  }

  /**
   * Splices each deferred text's mentions and rejections (`batches`: one per submitted batch, in
   * order) in where the text was met, so the lists are exactly what extracting in place gives.
   */
  finish(batches: readonly PackedFindings[], onProgress?: (done: number, total: number) => void): void {
    const d = this.deferred;
    if (d === null || d.row.length === 0) return;
    const mentions: IdentifierMention[] = [];
    const invalid: InvalidMention[] = [];
    let m = 0;
    let v = 0;
    let findings = batches[0] as PackedFindings;
    let strings = findingStrings(findings);
    let b = 0;
    let t = 0;
    let s = 0;
    for (let i = 0; i < d.row.length; i++) {
      if ((i & PLACE_REPORT_MASK) === 0) onProgress?.(i, d.row.length);
      if (t === findings.counts.length / 2) {
        findings = batches[++b] as PackedFindings;
        strings = findingStrings(findings);
        t = 0;
        s = 0;
      }
      for (const until = d.mentionAt[i] as number; m < until; m++)
        mentions.push(this.mentions[m] as IdentifierMention);
      for (const until = d.invalidAt[i] as number; v < until; v++)
        invalid.push(this.invalid[v] as InvalidMention);
      const { sheet, role, column } = d.places[d.place[i] as number] as Deferred['places'][number];
      const row = d.row[i] as number;
      const found = findings.counts[2 * t] as number;
      const refused = findings.counts[2 * t + 1] as number;
      const refs = findings.refs;
      for (let k = 0; k < found; k++) {
        const kind = strings[refs[s++] as number] as IdentifierKind;
        const value = strings[refs[s++] as number] as string;
        mentions.push(
          column === undefined
            ? { sheet, row, kind, value, role }
            : { sheet, row, kind, value, role, column },
        );
      }
      for (let k = 0; k < refused; k++) {
        const kind = strings[refs[s++] as number] as IdentifierKind;
        const raw = strings[refs[s++] as number] as string;
        const reason = strings[refs[s++] as number] as RejectReason;
        const message = strings[refs[s++] as number] as string;
        invalid.push(
          column === undefined
            ? { sheet, row, kind, raw, reason, message, role }
            : { sheet, row, kind, raw, reason, message, role, column },
        );
      }
      t++;
    }
    for (; m < this.mentions.length; m++) mentions.push(this.mentions[m] as IdentifierMention);
    for (; v < this.invalid.length; v++) invalid.push(this.invalid[v] as InvalidMention);
    this.mentions = mentions;
    this.invalid = invalid;
    onProgress?.(d.row.length, d.row.length);
  }
}

/** A recognition whose strings do not view the file's text (see keep.ts). */
function kept(r: Recognition): Recognition {
  if (r.ok) return r.value.length < 13 ? r : ({ ...r, value: keep(r.value) } as Recognition);
  return r.raw.length < 13 ? r : { ...r, raw: keep(r.raw) };
}

function keptExtraction(e: Extraction): Extraction {
  return {
    ...e,
    mentions: e.mentions.map((m) => (m.value.length < 13 ? m : { ...m, value: keep(m.value) })),
    rejected: e.rejected.map((r) => (r.raw.length < 13 ? r : { ...r, raw: keep(r.raw) })),
  };
}
