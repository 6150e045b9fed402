/** Seeded sheets in the Halyk, Kaspi, Freedom and VTB layouts of KZ-BANK-FORMATS.md, with ground truth. */
import type { Cell } from './cell';
import { FREEDOM_17_HEADER, HALYK_HEADER, KASPI_HEADER_ROWS } from './bank-headers';
import type { ExpectedTransaction, Fixture, Party } from './fixture-kit';
import {
  amountMinor,
  bookedAt,
  counterpartyOf,
  excelSerial,
  formatRu,
  formatWall,
  iban,
  iin,
  knp,
  party,
  person,
  purpose,
  rng,
  times,
  toNumber,
} from './fixture-kit';

const JAN_2024 = Date.UTC(2024, 0, 3, 9);
const numbering = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

interface Flow {
  wall: number;
  hasTime: boolean;
  minor: number;
  direction: 'in' | 'out';
  other: Party;
  knp: string;
  purpose: string;
}

function flows(seed: number, count: number, start = JAN_2024, withTime = true): Flow[] {
  const random = rng(seed);
  return times(random, start, count, withTime).map((t) => ({
    ...t,
    minor: amountMinor(random),
    direction: random() < 0.5 ? 'in' : 'out',
    other: party(random),
    knp: knp(random),
    purpose: purpose(random),
  }));
}

function payerRecipient(f: Flow, own: Party): [Party, Party] {
  return f.direction === 'out' ? [own, f.other] : [f.other, own];
}

function expected(f: Flow, row: number, extra: Partial<ExpectedTransaction> = {}): ExpectedTransaction {
  return {
    row,
    bookedAt: bookedAt(f.wall),
    hasTime: f.hasTime,
    amountMinor: f.minor,
    direction: f.direction,
    currency: 'KZT',
    description: f.purpose,
    counterparty: counterpartyOf(f.other),
    ...extra,
  };
}

/** Halyk: BIC + bank in row 0, IIN in row 1, Contract, period, balances; 19 columns at row 8; numbering; Итого. */
export function halykFixture(seed = 1, count = 12): Fixture {
  const random = rng(seed);
  const own: Party = {
    name: person(random),
    id: iin(random),
    account: iban(random, '601'),
    bank: 'АО "Народный Банк Казахстана"',
  };
  const list = flows(seed + 100, count);
  const rows: Cell[][] = [
    ['HSBKKZKX', 'АО "Народный Банк Казахстана"'],
    ['ИИН/БИН', own.id],
    ['Contract', own.account],
    ['Валюта контракта', 'KZT'],
    ['Период выписки', '01.01.2024 - 31.03.2024'],
    ['Начальный баланс', 150000.5],
    ['Конечный баланс', 98000],
    [],
    [...HALYK_HEADER],
    numbering(19),
  ];
  const exp: ExpectedTransaction[] = [];
  let credit = 0;
  let debit = 0;
  for (const f of list) {
    const [payer, recipient] = payerRecipient(f, own);
    const value = toNumber(f.minor);
    if (f.direction === 'in') credit += f.minor;
    else debit += f.minor;
    rows.push([
      excelSerial(f.wall),
      'KZT',
      'Платежное поручение',
      null,
      f.direction === 'in' ? value : null,
      f.direction === 'out' ? value : null,
      value,
      payer.name,
      payer.id,
      'Резидент',
      payer.bank,
      payer.account,
      recipient.name,
      recipient.id,
      'Резидент',
      recipient.bank,
      recipient.account,
      Number(f.knp),
      f.purpose,
    ]);
    exp.push(expected(f, rows.length, { amountKztMinor: f.minor, knp: f.knp, ownAccount: own.account }));
  }
  rows.push(['Итого', null, null, null, toNumber(credit), toNumber(debit), null]);
  return {
    name: 'halyk-19col.valid',
    sheets: [
      {
        name: 'Выписка',
        rows,
        expected: exp,
        expectedTotals: [{ row: rows.length, label: 'Итого', kind: 'total', sums: { credit, debit } }],
      },
    ],
  };
}

/** Kaspi: label/value preamble rows 0–9, 2-row merged header 10–11, numbering row 12, data from 13. */
export function kaspiFixture(seed = 2, count = 10): Fixture {
  const random = rng(seed);
  const own: Party = {
    name: person(random),
    id: iin(random),
    account: iban(random, '722'),
    bank: 'АО "Kaspi Bank"',
  };
  const list = flows(seed + 100, count, Date.UTC(2024, 1, 25, 8));
  const rows: Cell[][] = [
    ['Клиент:', own.name],
    ['ИИН/БИН:', own.id],
    ['Счет:', own.account],
    ['Валюта счета:', 'KZT'],
    ['Период:', 'c 01/02/2024 по 31/03/2024'],
    ['Входящий остаток:', '300.27 вал 126386.65 нац'],
    ['Исходящий остаток:', '1200.00 вал 540000.00 нац'],
    [],
    [],
    [],
    ...KASPI_HEADER_ROWS.map((row) => [...row]),
    numbering(17),
  ];
  const merges = [
    { s: { r: 10, c: 5 }, e: { r: 10, c: 9 } },
    { s: { r: 10, c: 10 }, e: { r: 10, c: 14 } },
    ...[0, 1, 2, 3, 4, 15, 16].map((c) => ({ s: { r: 10, c }, e: { r: 11, c } })),
  ];
  const exp: ExpectedTransaction[] = [];
  for (const f of list) {
    const [payer, recipient] = payerRecipient(f, own);
    const type =
      f.direction === 'out'
        ? pick2(random, 'Платежное поручение (дебет)', 'Перевод исх.')
        : pick2(random, 'Мемориальный ордер (кредит)', 'Перевод вх.');
    rows.push([
      formatWall(f.wall, 'dmy hms'),
      'KZT',
      type,
      formatRu(f.minor),
      formatRu(f.minor),
      ...[payer, recipient].flatMap((p) => [p.name, p.id, 'Резидент', p.bank, p.account]),
      f.knp,
      f.purpose,
    ]);
    exp.push(expected(f, rows.length, { amountKztMinor: f.minor, knp: f.knp, ownAccount: own.account }));
  }
  return { name: 'kaspi-2row-header.valid', sheets: [{ name: 'KASPI_EXPORT', rows, merges, expected: exp }] };
}

function pick2(random: () => number, a: string, b: string): string {
  return random() < 0.5 ? a : b;
}

/** Freedom: one sheet per account named IBAN+currency, row 0 empty, header row 1, numbering, 17 columns. */
export function freedomFixture(seed = 3, count = 8): Fixture {
  const random = rng(seed);
  const sheetAccount = 'KZ72551N129228750';
  const own: Party = {
    name: person(random),
    id: iin(random),
    account: `${sheetAccount}123`,
    bank: 'АО "Freedom Bank Kazakhstan"',
  };
  const header = [...FREEDOM_17_HEADER];
  const sheets = (['KZT', 'USD'] as const).map((currency, k) => {
    const rows: Cell[][] = [[], header, numbering(17)];
    const exp: ExpectedTransaction[] = [];
    for (const f of flows(seed + 100 + k, count)) {
      const [payer, recipient] = payerRecipient(f, own);
      const rate = currency === 'USD' ? 450 : 1;
      const minor = currency === 'USD' ? Math.round(f.minor / 450) : f.minor;
      rows.push([
        formatWall(f.wall, 'dmy hms'),
        currency,
        'Платежное поручение',
        null,
        toNumber(minor),
        toNumber(minor * rate),
        ...[payer, recipient].flatMap((p) => [p.name, p.id, 'Резидент', p.bank, p.account]),
        f.knp,
      ]);
      exp.push({
        ...expected(f, rows.length, { amountKztMinor: minor * rate, knp: f.knp, ownAccount: sheetAccount }),
        amountMinor: minor,
        currency,
        description: '',
      });
    }
    return { name: `${sheetAccount}${currency}`, rows, expected: exp };
  });
  return { name: 'freedom-per-account-sheets.valid', sheets };
}

/** VTB: `Вид операции (КД)`, `Резиденство` typo, `YYYY.MM.DD HH:MM:SS`, `KZT - Тенге`, negative = out. */
export function vtbFixture(seed = 4, count = 10): Fixture {
  const random = rng(seed);
  const own: Party = {
    name: person(random),
    id: iin(random),
    account: iban(random, '432'),
    bank: 'ДБ АО "Банк ВТБ (Казахстан)"',
  };
  const rows: Cell[][] = [
    [
      'Дата',
      'Вид операции (КД)',
      'Валюта',
      'Сумма (вал.)',
      'Сумма (тенге)',
      'Наименование/ФИО плательщика',
      'ИИН/БИН плательщика',
      'Резиденство плательщика',
      'Банк плательщика',
      'Номер счета плательщика',
      'Наименование/ФИО получателя',
      'ИИН/БИН получателя',
      'Резиденство получателя',
      'Банк получателя',
      'Номер счета получателя',
      'КНП',
      'Назначение платежа',
    ],
    numbering(17),
  ];
  const exp: ExpectedTransaction[] = [];
  for (const f of flows(seed + 100, count)) {
    const [payer, recipient] = payerRecipient(f, own);
    const signed = f.direction === 'out' ? -f.minor : f.minor;
    rows.push([
      formatWall(f.wall, 'ymd. hms'),
      f.direction === 'out' ? '2 - Внешние исходящие' : '1 - Внешние входящие',
      'KZT - Тенге',
      formatRu(signed, { sign: true }),
      formatRu(signed, { sign: true }),
      ...[payer, recipient].flatMap((p) => [p.name, `'${p.id}`, 'Резидент', p.bank, p.account]),
      f.knp,
      f.purpose,
    ]);
    exp.push(expected(f, rows.length, { amountKztMinor: f.minor, knp: f.knp }));
  }
  return { name: 'vtb-standard.valid', sheets: [{ name: 'Sheet1', rows, expected: exp }] };
}

export { flows, expected, payerRecipient };
export type { Flow };
