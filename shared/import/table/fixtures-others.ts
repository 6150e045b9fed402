/** Seeded sheets: CenterCredit (both forms), Delta, Kassa Nova, Forte, with ground truth. */
import type { Cell } from './cell';
import type { ExpectedTransaction, Fixture, FixtureSheet, Party } from './fixture-kit';
import { bookedAt, formatRu, formatWall, iban, iin, person, rng, toNumber } from './fixture-kit';
import { flows } from './fixtures-banks';

/** CenterCredit xlsx: sheet = direction, title row with the client in quotes and its BIN, header in row 2. */
export function centerCreditSheetsFixture(seed = 5, count = 8): Fixture {
  const holder = 'ТОО "Асыл Тас"';
  const bin = '180540012345';
  const sheets: FixtureSheet[] = (['Входящие операции', 'Исходящие операции'] as const).map((name, k) => {
    const direction = k === 0 ? 'in' : 'out';
    const rows: Cell[][] = [
      [`Выписка по счетам клиента ${holder} БИН ${bin}`],
      [],
      [
        'Дата операции',
        'Сумма',
        'Наименование дебет',
        'БИН',
        'Наименование кредит',
        'БИН',
        'Основание',
        'Подразделение',
      ],
    ];
    const exp: ExpectedTransaction[] = [];
    for (const f of flows(seed + k, count, Date.UTC(2024, 2, 1), false)) {
      const payer = direction === 'in' ? f.other : { name: holder, id: bin };
      const recipient = direction === 'in' ? { name: holder, id: bin } : f.other;
      rows.push([
        formatWall(f.wall, 'dmy'),
        toNumber(f.minor),
        payer.name,
        payer.id,
        recipient.name,
        recipient.id,
        f.purpose,
        'Филиал в г. Алматы',
      ]);
      exp.push({
        row: rows.length,
        bookedAt: bookedAt(f.wall),
        hasTime: false,
        amountMinor: f.minor,
        direction,
        currency: 'KZT',
        description: f.purpose,
        counterparty: { name: f.other.name, idNumber: f.other.id },
      });
    }
    return { name, rows, expected: exp };
  });
  return { name: 'centercredit-direction-sheets.valid', sheets };
}

/** CenterCredit xls: bilingual, several account blocks in one sheet, each with balances and Итого/Барлығы. */
export function centerCreditBlocksFixture(seed = 6, count = 6): Fixture {
  const random = rng(seed);
  const rows: Cell[][] = [
    ['АО "Банк ЦентрКредит"', 'KCJBKZKX'],
    ['Клиент:', person(random)],
    ['ИИН:', iin(random)],
  ];
  const exp: ExpectedTransaction[] = [];
  const totals: NonNullable<FixtureSheet['expectedTotals']> = [];
  for (let block = 0; block < 2; block++) {
    const account = iban(random, '856');
    rows.push(
      [],
      [`Выписка по лицевому счету ${account}`],
      ['Кіріс қалдық / Входящий остаток', formatRu(50_000_000 * (block + 1))],
    );
    rows.push([
      'Күні / Дата',
      'Құжат',
      'Корреспондент',
      'Корресп. банк',
      'Счет-корреспондент',
      'Дебетовый оборот',
      'Кредитовый оборот',
      'ТМК / КНП',
      'Төлем мақсаты / Назначение платежа',
    ]);
    let debit = 0;
    let credit = 0;
    for (const [i, f] of flows(seed * 10 + block, count, Date.UTC(2024, 1, 26), false).entries()) {
      if (f.direction === 'out') debit += f.minor;
      else credit += f.minor;
      rows.push([
        formatWall(f.wall, 'dmy'),
        String(1000 + i),
        f.other.name,
        f.other.bank,
        f.other.account,
        f.direction === 'out' ? formatRu(f.minor) : null,
        f.direction === 'in' ? formatRu(f.minor) : null,
        f.knp,
        f.purpose,
      ]);
      exp.push({
        row: rows.length,
        bookedAt: bookedAt(f.wall),
        hasTime: false,
        amountMinor: f.minor,
        direction: f.direction,
        currency: 'KZT',
        description: f.purpose,
        knp: f.knp,
        ownAccount: account,
        counterparty: { name: f.other.name, account: f.other.account, bank: f.other.bank },
      });
    }
    rows.push(['Барлығы / Итого', null, null, null, null, formatRu(debit), formatRu(credit)]);
    totals.push({ row: rows.length, label: 'Барлығы / Итого', kind: 'total', sums: { debit, credit } });
    const closing = 50_000_000 * (block + 1) + credit - debit;
    rows.push(['Шығыс қалдық / Исходящий остаток', formatRu(closing)]);
    totals.push({
      row: rows.length,
      label: 'Шығыс қалдық / Исходящий остаток',
      kind: 'closingBalance',
      sums: { balance: closing },
    });
  }
  return {
    name: 'centercredit-account-blocks.valid',
    sheets: [{ name: 'Выписка', rows, expected: exp, expectedTotals: totals }],
  };
}

/** Delta: sheets per direction, `Клиент, ФИО, ИИН…` row 0, section row 1, header row 2, NBSP-grouped text amounts. */
export function deltaFixture(seed = 7, count = 6): Fixture {
  const random = rng(seed);
  const client = person(random);
  const clientId = iin(random);
  const sheets: FixtureSheet[] = (['Входящие платежи в тенге', 'Исходящие платежи в тенге'] as const).map(
    (name, k) => {
      const rows: Cell[][] = [
        [`Клиент, ${client}, ИИН${clientId}`],
        [k === 0 ? '1. Входящие платежи' : '2. Исходящие платежи'],
        ['№ п/п', 'Наименование компании/ФИО', 'БИН/ИИН', 'Дата операции', 'Суммы', 'Назначение платежа'],
      ];
      const exp: ExpectedTransaction[] = [];
      for (const [i, f] of flows(seed + k, count, Date.UTC(2023, 10, 1), false).entries()) {
        rows.push([
          i + 1,
          f.other.name,
          f.other.id.replace(/^0+/, ''),
          formatWall(f.wall, 'dmy'),
          formatRu(f.minor),
          f.purpose,
        ]);
        exp.push({
          row: rows.length,
          bookedAt: bookedAt(f.wall),
          hasTime: false,
          amountMinor: f.minor,
          direction: k === 0 ? 'in' : 'out',
          currency: 'KZT',
          description: f.purpose,
          counterparty: { name: f.other.name, idNumber: f.other.id },
        });
      }
      return { name, rows, expected: exp };
    },
  );
  return { name: 'delta-direction-sheets.valid', sheets };
}

/** Kassa Nova: one sheet, `Входящие платежи` marker row 1, header row 3, then an `Исходящие платежи` marker inside the data. */
export function kassaNovaFixture(seed = 8, count = 5): Fixture {
  const rows: Cell[][] = [
    ['АО "Банк Kassa Nova" — выписка по счету'],
    ['Входящие платежи'],
    [],
    ['Дата операции', 'Наименование бенефициара/отправителя', 'БИН/ИИН', 'Сумма', 'Назначение платежа'],
  ];
  const exp: ExpectedTransaction[] = [];
  (['in', 'out'] as const).forEach((direction, k) => {
    if (k === 1) rows.push([], ['Исходящие платежи']);
    for (const f of flows(seed + k, count, Date.UTC(2024, 3, 1 + k * 10), true)) {
      rows.push([
        formatWall(f.wall, 'dmy hm'),
        f.other.name,
        f.other.id,
        formatRu(f.minor, { nbsp: false }),
        f.purpose,
      ]);
      exp.push({
        row: rows.length,
        bookedAt: bookedAt(f.wall - (f.wall % 60_000)),
        hasTime: true,
        amountMinor: f.minor,
        direction,
        currency: 'KZT',
        description: f.purpose,
        counterparty: { name: f.other.name, idNumber: f.other.id },
      });
    }
  });
  return { name: 'kassanova-section-markers.valid', sheets: [{ name: 'Лист1', rows, expected: exp }] };
}

/** Forte transfer report: `Инфорация по переводам` typo row 5, header row 8, `Направление` column, several currencies. */
export function forteFixture(seed = 9, count = 8): Fixture {
  const random = rng(seed);
  const client = person(random);
  const clientId = iin(random);
  const rows: Cell[][] = [
    ['АО "ForteBank"'],
    ['Отчет по системам денежных переводов'],
    [],
    ['ФИО клиента:', client],
    [],
    ['Инфорация по переводам'],
    [],
    [],
  ];
  rows.push([
    '№ п/п',
    'Наименование филиала',
    'Вид перевода',
    'Состояние перевода',
    'Дата',
    'Валюта',
    '   Сумма',
    'ФИО отправителя/получателя',
    'ИИН',
    'ФИО получателя / отправителя',
    'Направление',
    'Страна получателя/отправителя',
  ]);
  const exp: ExpectedTransaction[] = [];
  for (const [i, f] of flows(seed, count, Date.UTC(2024, 4, 1), true).entries()) {
    const currency = i % 3 === 2 ? 'USD' : 'KZT';
    const minor = currency === 'USD' ? Math.round(f.minor / 470) : f.minor;
    const other: Party = f.other;
    rows.push([
      i + 1,
      'Филиал в г. Шымкент',
      'Золотая Корона',
      'Выплачен',
      formatWall(f.wall, 'dmy hm'),
      currency,
      toNumber(minor),
      client,
      clientId,
      other.name,
      f.direction === 'out' ? 'Исходящий' : 'Входящий',
      'Казахстан',
    ]);
    exp.push({
      row: rows.length,
      bookedAt: bookedAt(f.wall - (f.wall % 60_000)),
      hasTime: true,
      amountMinor: minor,
      direction: f.direction,
      currency,
      description: '',
      counterparty: { name: other.name },
    });
  }
  return { name: 'forte-transfers.valid', sheets: [{ name: 'Отчет', rows, expected: exp }] };
}
