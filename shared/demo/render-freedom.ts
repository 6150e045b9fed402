/**
 * Drop 3's Freedom Bank statement as the CSV an older core system exports: Windows-1251, `;`
 * between fields, comma decimals with space thousands, signed amounts (minus = out), a short
 * label/value preamble and the standard 18-column table with a numbering row.
 */
import type { Cell } from '../import/table';
import type { Person } from './cast';
import { BANKS } from './cast';
import { encodeCp1251 } from './cp1251';
import type { Entry } from './entries';
import { formatPhone, groupCard } from './ids';
import { csvText, day, formatRu, formatWall, numbering, totals } from './render-kit';
import { STANDARD_18_HEADER } from '../import/table/bank-headers';

export function freedomRows(
  own: Person,
  entries: readonly Entry[],
  opening: number,
  period: { from: number; to: number },
): Cell[][] {
  const sums = totals(opening, entries);
  const money = (minor: number): string => formatRu(minor, { nbsp: false });
  const rows: Cell[][] = [
    ['Выписка по счету', BANKS.freedom.name],
    ['Клиент:', own.name],
    ['ИИН:', own.iin],
    ['Счет:', own.iban],
    ['Карта:', groupCard(own.card)],
    ['Телефон:', formatPhone(own.phone)],
    ['Период:', `${day(period.from, '.')} - ${day(period.to, '.')}`],
    ['Входящий остаток:', money(opening)],
    ['Исходящий остаток:', money(sums.closing)],
    [],
    [...STANDARD_18_HEADER],
    numbering(18),
  ];
  const me = [own.name, own.iin, 'Резидент', BANKS[own.bank].name, own.iban];
  for (const e of entries) {
    const cp = e.counterparty;
    const them = [cp.name, cp.id ?? '', 'Резидент', cp.bank, cp.account ?? ''];
    const signed = e.direction === 'out' ? -e.amountMinor : e.amountMinor;
    rows.push([
      formatWall(e.wall, 'dmy hms'),
      'KZT',
      e.operation,
      e.merchant ?? '',
      money(signed),
      money(signed),
      ...(e.direction === 'out' ? [...me, ...them] : [...them, ...me]),
      e.knp,
      e.description,
    ]);
  }
  return rows;
}

export function freedomCsvBytes(rows: readonly (readonly Cell[])[]): Uint8Array {
  return encodeCp1251(csvText(rows, ';'));
}
