/**
 * A drop's Kaspi statement as the bank's XLSX export: label/value preamble in rows 0–9, the
 * two-row header with merged `Плательщик`/`Получатель` groups, a numbering row, then one row per
 * operation with amounts as text (`25 000,00`) and dates as `dd.mm.yyyy HH:MM:SS`.
 */
import type { Cell, MergedRange } from '../import/table';
import type { Person } from './cast';
import { BANKS } from './cast';
import type { Entry } from './entries';
import { formatPhone } from './ids';
import type { DemoSheet } from './render-kit';
import { day, formatRu, formatWall, numbering, totals } from './render-kit';
import { KASPI_HEADER_ROWS } from '../import/table/bank-headers';

export function kaspiSheet(
  own: Person,
  entries: readonly Entry[],
  opening: number,
  period: { from: number; to: number },
): DemoSheet {
  const sums = totals(opening, entries);
  const balance = (minor: number): string =>
    `${(minor / 100).toFixed(2)} вал ${(minor / 100).toFixed(2)} нац`;
  const rows: Cell[][] = [
    ['Клиент:', own.name],
    ['ИИН/БИН:', own.iin],
    ['Счет:', own.iban],
    ['Номер карты:', own.card],
    ['Телефон:', formatPhone(own.phone)],
    ['Валюта счета:', 'KZT'],
    ['Период:', `c ${day(period.from, '/')} по ${day(period.to, '/')}`],
    ['Входящий остаток:', balance(opening)],
    ['Исходящий остаток:', balance(sums.closing)],
    [],
    ...KASPI_HEADER_ROWS.map((row) => [...row]),
    numbering(17),
  ];
  const merges: MergedRange[] = [
    { s: { r: 10, c: 5 }, e: { r: 10, c: 9 } },
    { s: { r: 10, c: 10 }, e: { r: 10, c: 14 } },
    ...[0, 1, 2, 3, 4, 15, 16].map((c) => ({ s: { r: 10, c }, e: { r: 11, c } })),
  ];
  const me = [own.name, own.iin, 'Резидент', BANKS[own.bank].name, own.iban];
  for (const e of entries) {
    const cp = e.counterparty;
    const them = [cp.name, cp.id ?? null, 'Резидент', cp.bank, cp.account ?? null];
    rows.push([
      formatWall(e.wall, 'dmy hms'),
      'KZT',
      e.operation,
      formatRu(e.amountMinor),
      formatRu(e.amountMinor),
      ...(e.direction === 'out' ? [...me, ...them] : [...them, ...me]),
      e.knp,
      e.description,
    ]);
  }
  return { name: 'KASPI_EXPORT', rows, merges };
}
