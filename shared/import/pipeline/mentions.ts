/**
 * Identifier mentions with provenance. Statements repeat the same counterparties and purposes
 * thousands of times, so recognition and extraction results are cached by text; the statement's
 * own identifiers are recorded once per sheet (they describe the statement, not the row).
 */
import type { Extraction, Recognition, RecognizeHint } from '../../identifiers';
import { extractIdentifiers, recognize } from '../../identifiers';
import type { IdentifierMention, InvalidMention, MentionRole } from '../../model/statement';

const CACHE_LIMIT = 100_000;
const IBAN_START = /^[A-Za-z]{2}\d{2}/;

export class MentionCollector {
  readonly mentions: IdentifierMention[] = [];
  readonly invalid: InvalidMention[] = [];
  /** Recognition by hint (`''`: none), then by text. */
  private readonly recognized = new Map<string, Map<string, Recognition>>();
  private recognizedSize = 0;
  private readonly extracted = new Map<string, Extraction>();
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
    // IIN/BIN checks cost less than caching them: a column of mostly distinct ones only churns it.
    const byText = hint === 'iin_bin' ? null : this.recognizedFor(hint);
    let result: Recognition | undefined = byText === null ? recognize(raw, hint) : byText.get(raw);
    if (result === undefined) {
      result = recognize(raw, hint);
      if (this.recognizedSize >= CACHE_LIMIT) {
        for (const map of this.recognized.values()) map.clear();
        this.recognizedSize = 0;
      }
      byText?.set(raw, result);
      this.recognizedSize++;
    }
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

  private recognizedFor(hint: RecognizeHint | undefined): Map<string, Recognition> {
    const key = hint ?? '';
    let map = this.recognized.get(key);
    if (map === undefined) {
      map = new Map();
      this.recognized.set(key, map);
    }
    return map;
  }

  /** An account-like cell: an IBAN when it looks like one, else whatever it recognizably is. */
  account(raw: string, role: MentionRole, sheet: string, row: number, column: string | undefined): void {
    this.cell(raw, IBAN_START.test(raw) ? 'iban' : undefined, role, sheet, row, column);
  }

  /** Free text (a payment purpose, a preamble line). */
  text(text: string, role: MentionRole, sheet: string, row: number, column: string | undefined): void {
    if (text.length < 8) return; // shorter than any identifier
    let result = this.extracted.get(text);
    if (result === undefined) {
      result = extractIdentifiers(text);
      if (this.extracted.size >= CACHE_LIMIT) this.extracted.clear();
      this.extracted.set(text, result);
    }
    for (const m of result.mentions) {
      if (role === 'preamble') {
        const seen = `${role}\u0001${sheet}\u0001${m.kind}\u0001${m.value}`;
        if (this.ownSeen.has(seen)) continue;
        this.ownSeen.add(seen);
      }
      const mention: IdentifierMention = { sheet, row, kind: m.kind, value: m.value, role };
      if (column !== undefined) mention.column = column;
      this.mentions.push(mention);
    }
    for (const r of result.rejected) {
      const bad: InvalidMention = {
        sheet,
        row,
        kind: r.kind,
        raw: r.raw,
        reason: r.reason,
        message: r.message,
        role,
      };
      if (column !== undefined) bad.column = column;
      this.invalid.push(bad);
    }
  }
}
