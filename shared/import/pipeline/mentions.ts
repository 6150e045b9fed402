/**
 * Identifier mentions with provenance. Statements repeat the same counterparties and purposes
 * thousands of times, so recognition and extraction results are cached by text (a cache that
 * steps aside when a column's texts do not repeat, see text-cache.ts); the statement's own
 * identifiers are recorded once per sheet (they describe the statement, not the row).
 */
import type { Extraction, Recognition, RecognizeHint } from '../../identifiers';
import { extractIdentifiers, recognize } from '../../identifiers';
import type { IdentifierMention, InvalidMention, MentionRole } from '../../model/statement';
import { TextCache } from './text-cache';

const CACHE_LIMIT = 100_000;
const IBAN_START = /^[A-Za-z]{2}\d{2}/;

export class MentionCollector {
  readonly mentions: IdentifierMention[] = [];
  readonly invalid: InvalidMention[] = [];
  /** Recognition by hint (`''`: none), then by text. */
  private readonly recognized = new Map<string, TextCache<Recognition>>();
  private readonly extracted = new TextCache<Extraction>((text) => extractIdentifiers(text), CACHE_LIMIT);
  private readonly ownSeen = new Set<string>();

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
      cache = new TextCache((raw) => recognize(raw, hint), CACHE_LIMIT / 4);
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
}
