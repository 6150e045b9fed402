/**
 * The collector's Halyk statement: BIC and bank in row 0, IIN, holder, contract IBAN, card and
 * phone, period and balances, then the 19-column table with split credit/debit columns, dates as
 * Excel serials, a numbering row and an `Итого` row whose sums equal the columns above it.
 */
import type { Cell } from '../import/table';
import type { Person } from './cast';
import { BANKS } from './cast';
import type { Entry } from './entries';
import { formatPhone } from './ids';
import type { DemoSheet } from './render-kit';
import { day, excelSerial, numbering, toNumber, totals } from './render-kit';
import { HALYK_HEADER } from '../import/table/bank-headers';

const HALYK_OPERATION: Record<string, string> = {
  'Перевод исх.': 'Перевод с карты на карту (дебет)',
  'Перевод вх.': 'Перевод с карты на карту (кредит)',
  Пополнение: 'Перевод с карты на карту (кредит)',
};

export function halykSheet(
  own: Person,
  entries: readonly Entry[],
  opening: number,
  period: { from: number; to: number },
): DemoSheet {
  const sums = totals(opening, entries);
  const rows: Cell[][] = [
    [BANKS.halyk.bic, BANKS.halyk.name],
    ['ИИН/БИН', own.iin],
    ['ФИО', own.name],
    ['Contract', own.iban],
    ['Номер карты', own.card],
    ['Номер телефона', formatPhone(own.phone)],
    ['Валюта контракта', 'KZT'],
    ['Период выписки', `${day(period.from, '.')} - ${day(period.to, '.')}`],
    ['Начальный баланс', toNumber(opening)],
    ['Конечный баланс', toNumber(sums.closing)],
    [],
    [...HALYK_HEADER],
    numbering(19),
  ];
  const me = [own.name, own.iin, 'Резидент', BANKS[own.bank].name, own.iban];
  for (const e of entries) {
    const cp = e.counterparty;
    const them = [cp.name, cp.id ?? null, 'Резидент', cp.bank, cp.account ?? null];
    const value = toNumber(e.amountMinor);
    rows.push([
      excelSerial(e.wall),
      'KZT',
      HALYK_OPERATION[e.operation] ?? e.operation,
      e.merchant ?? null,
      e.direction === 'in' ? value : null,
      e.direction === 'out' ? value : null,
      value,
      ...(e.direction === 'out' ? [...me, ...them] : [...them, ...me]),
      Number(e.knp),
      e.description,
    ]);
  }
  rows.push(['Итого', null, null, null, toNumber(sums.credit), toNumber(sums.debit), null]);
  return { name: 'Выписка', rows, dateColumns: [0] };
}
