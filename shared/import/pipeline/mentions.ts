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
  private readonly recognized = new Map<string, Recognition>();
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
    const key = hint === undefined ? raw : `${hint}\u0001${raw}`;
    let result = this.recognized.get(key);
    if (result === undefined) {
      result = recognize(raw, hint);
      if (this.recognized.size >= CACHE_LIMIT) this.recognized.clear();
      this.recognized.set(key, result);
    }
    if (result.kind === 'unknown') return;
    if (role === 'own' || role === 'preamble') {
      const seen = `${role}\u0001${sheet}\u0001${result.kind}\u0001${result.ok ? result.value : raw}`;
      if (this.ownSeen.has(seen)) return;
      this.ownSeen.add(seen);
    }
    if (result.ok) {
      const mention: IdentifierMention = { sheet, row, kind: result.kind, value: result.value, role };
      if (column !== undefined) mention.column = column;
      this.mentions.push(mention);
    } else if (hint !== undefined) {
      // Without a hint a failure only means "not an identifier"; with one it is a bad identifier.
      const bad: InvalidMention = {
        sheet,
        row,
        kind: result.kind,
        raw: result.raw,
        reason: result.reason,
        message: result.message,
        role,
      };
      if (column !== undefined) bad.column = column;
      this.invalid.push(bad);
    }
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
