/**
 * Rows of a large Halyk-style statement (the 19-column layout with a preamble) for the import
 * benchmarks. Counterparties come from a fixed pool so accounts repeat as in real statements;
 * every description carries planted identifiers and look-alikes from plant.ts.
 */
import type { Cell } from '../shared/import/table';
import type { Random } from '../shared/demo/ids';
import { card, iin, int, kzIban, pick } from '../shared/demo/ids';
import { personName } from '../shared/demo/cast';
import { HALYK_HEADER } from '../shared/import/table/bank-headers';
import { excelSerial, formatRu, formatWall } from '../shared/demo/render-kit';
import { plantDescription } from './plant';

export interface Party {
  name: string;
  iin: string;
  bank: string;
  account: string;
}

const BANK_NAMES = [
  'АО "Kaspi Bank"',
  'АО "Народный Банк Казахстана"',
  'АО "ForteBank"',
  'АО "Банк ЦентрКредит"',
];

export function partyPool(random: Random, n: number): Party[] {
  return Array.from({ length: n }, () => ({
    name: personName(random),
    iin: iin(random),
    bank: pick(random, BANK_NAMES),
    account:
      random() < 0.5 ? kzIban(random, pick(random, ['722', '601', '965', '826'])) : card(random, '440043'),
  }));
}

export const OWN: Party = {
  name: 'Бенчмарков Тест Тестович',
  iin: '880101300017',
  bank: 'АО "Народный Банк Казахстана"',
  account: 'KZ40601KZT0000000001',
};

export function preamble(rows: number): Cell[][] {
  return [
    ['HSBKKZKX', OWN.bank],
    ['ИИН/БИН', OWN.iin],
    ['Contract', OWN.account],
    ['Валюта контракта', 'KZT'],
    ['Период выписки', '01.01.2023 - 31.12.2024'],
    ['Количество операций', rows],
    [],
    [],
    [...HALYK_HEADER],
  ];
}

const START = Date.UTC(2023, 0, 1, 8);

/**
 * Row `i`; `typed` gives numbers and Excel serials (XLSX), otherwise text as a CSV holds it.
 * `purpose` picks the payment purpose for the row's counterparty; by default every row gets a new
 * one (the worst case for extraction: nothing repeats).
 */
export function statementRow(
  random: Random,
  pool: readonly Party[],
  i: number,
  typed: boolean,
  purpose: (other: Party) => string = () => plantDescription(random).text,
): Cell[] {
  const wall = START + i * 37_000 + int(random, 0, 30_000);
  const other = pool[int(random, 0, pool.length - 1)] as Party;
  const incoming = random() < 0.5;
  const minor = int(random, 5, 50_000) * 100 + (random() < 0.3 ? int(random, 1, 99) : 0);
  const amount: Cell = typed ? minor / 100 : formatRu(minor, { nbsp: false });
  const [payer, recipient] = incoming ? [other, OWN] : [OWN, other];
  return [
    typed ? excelSerial(wall) : formatWall(wall, 'dmy hms'),
    'KZT',
    incoming ? 'Перевод с карты на карту (кредит)' : 'Перевод с карты на карту (дебет)',
    null,
    incoming ? amount : null,
    incoming ? null : amount,
    amount,
    payer.name,
    payer.iin,
    'Резидент',
    payer.bank,
    payer.account,
    recipient.name,
    recipient.iin,
    'Резидент',
    recipient.bank,
    recipient.account,
    '119',
    purpose(other),
  ];
}

/**
 * Payment purposes as real statements repeat them: each counterparty gets `perParty` planted
 * purposes, drawn once, and its rows cycle through them.
 */
export function repeatingPurposes(
  random: Random,
  pool: readonly Party[],
  perParty: number,
): (other: Party) => string {
  const purposes = new Map<Party, string[]>(
    pool.map((p) => [p, Array.from({ length: perParty }, () => plantDescription(random).text)]),
  );
  const used = new Map<Party, number>();
  return (other) => {
    const n = used.get(other) ?? 0;
    used.set(other, n + 1);
    const list = purposes.get(other) as string[];
    return list[n % list.length] as string;
  };
}
