/** The case summary as plain-text tables for a terminal; the JSON form is the stable interface. */
import type { CaseSummary } from '../shared/case/summary';
import { formatMoney } from '../shared/format/money';
import { table } from './text-table';

const money = (minor: number, currency: string): string =>
  formatMoney(minor, currency, 'en').replace(/\u00a0/g, ' ');

export function renderSummary(s: CaseSummary): string {
  let out = `Case: ${s.case.title}${s.case.registryNumber ? ` (ЕРДР ${s.case.registryNumber})` : ''}\n\n`;

  const sourceRows: string[][] = [];
  for (const src of s.sources) {
    const currencies = Object.entries(src.totals);
    const base = [src.file, src.sha256.slice(0, 12), String(src.rows), String(src.rejected.length)];
    if (currencies.length === 0) sourceRows.push([...base, '', '', '']);
    currencies.forEach(([cur, t], i) =>
      sourceRows.push([
        ...(i === 0 ? base : ['', '', '', '']),
        cur,
        money(t.creditMinor, cur),
        money(t.debitMinor, cur),
      ]),
    );
  }
  out += `Sources (${s.sources.length})\n`;
  out += table(['FILE', 'SHA-256', 'ROWS', 'REJECTED', 'CUR', 'CREDIT', 'DEBIT'], sourceRows);

  const rejected = s.sources.flatMap((src) =>
    src.rejected.map((r) => [src.file, r.sheet, String(r.row), r.reason]),
  );
  if (rejected.length)
    out += `\nRejected rows (${rejected.length})\n` + table(['FILE', 'SHEET', 'ROW', 'REASON'], rejected);

  const failed = s.sources.flatMap((src) =>
    src.checksFailed.map((c) => [src.file, c.sheet, c.kind, c.rows.join(','), c.message]),
  );
  if (failed.length)
    out +=
      `\nFailed checks (${failed.length})\n` + table(['FILE', 'SHEET', 'CHECK', 'ROWS', 'MESSAGE'], failed);

  out += `\nIdentifiers (${s.identifiers.length})\n`;
  out += table(
    ['KIND', 'VALUE', 'MENTIONS', 'FIRST SEEN'],
    s.identifiers.map((i) => {
      const m = i.mentions[0];
      return [i.kind, i.value, String(i.mentions.length), m ? `${m.file} / ${m.sheet} / row ${m.row}` : ''];
    }),
  );

  if (s.invalid.length)
    out +=
      `\nInvalid identifiers (${s.invalid.length})\n` +
      table(
        ['KIND', 'RAW', 'REASON', 'WHERE'],
        s.invalid.map((i) => [i.kind, i.raw, i.reason, `${i.file} / ${i.sheet} / row ${i.row}`]),
      );

  if (s.resolutions.length)
    out +=
      `\nMasked cards resolved (${s.resolutions.length})\n` +
      table(
        ['MASKED', 'CARD'],
        s.resolutions.map((r) => [r.masked, r.card]),
      );
  if (s.ambiguous.length)
    out +=
      `\nMasked cards with several candidates (${s.ambiguous.length})\n` +
      table(
        ['MASKED', 'CANDIDATES'],
        s.ambiguous.map((a) => [a.masked, a.candidates.join(', ')]),
      );
  return out;
}
