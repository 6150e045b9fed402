import { describe, expect, it } from 'vitest';
import { parseCamt053 } from './parse';
import kaspi from './fixtures/kaspi-kzt.valid.xml?raw';
import sepa from './fixtures/sepa-eur.valid.xml?raw';
import batch from './fixtures/batch.valid.xml?raw';
import reversal from './fixtures/reversal.valid.xml?raw';
import notXml from './fixtures/not-xml.invalid.xml?raw';
import truncated from './fixtures/truncated.invalid.xml?raw';
import doctype from './fixtures/doctype-entities.invalid.xml?raw';
import deep from './fixtures/deep-nesting.invalid.xml?raw';

describe('parseCamt053 — valid statements', () => {
  it('reads a Kazakh KZT statement (camt.053.001.08, Cyrillic names, Pty wrapper)', () => {
    const { statements, problems } = parseCamt053(kaspi);
    expect(problems).toEqual([]);
    expect(statements).toHaveLength(1);
    const [doc] = statements;
    expect(doc).toMatchObject({
      format: 'camt053',
      reference: 'STMT-KZ-2024-01',
      statementNumber: '31',
      line: 8,
      account: {
        raw: 'KZ86125KZT5004100100',
        iban: 'KZ86125KZT5004100100',
        currency: 'KZT',
        ownerName: 'ТОО «Арман-Трейд»',
        bic: 'CASPKZKA',
      },
      openingBalance: { date: '2024-01-01', amountMinor: 150000000, currency: 'KZT' },
      closingBalance: { date: '2024-01-31', amountMinor: 574950050, currency: 'KZT' },
    });
    expect(doc?.entries).toEqual([
      {
        valueDate: '2024-01-15',
        bookingDate: '2024-01-15',
        direction: 'credit',
        reversal: false,
        amountMinor: 450000050,
        currency: 'KZT',
        transactionType: 'PMNT/RCDT/DMCT',
        bankReference: 'KZ240115-000981',
        endToEndId: 'PP-2024-0115-17',
        counterparty: { name: 'ИП Сейткали Нурлан Ерланович', iban: 'KZ64722S000001234567', bic: 'HSBKKZKX' },
        description: 'Оплата по договору поставки № 17 от 10.01.2024, НДС не облагается',
        line: 30,
      },
      {
        valueDate: '2024-01-20',
        bookingDate: '2024-01-20',
        direction: 'debit',
        reversal: false,
        amountMinor: 25050000,
        currency: 'KZT',
        transactionType: 'ОПЕРАЦИЯ-390',
        // `&amp;` decoded by us: the XML parser runs with entity processing off.
        counterparty: { name: 'Ахметова Динара & Ко', account: '4400430212345678' },
        description: 'Перевод на карту Kaspi перевод 4400****5678',
        line: 50,
      },
    ]);
  });

  it('reads a SEPA EUR statement (camt.053.001.02): PRCD as opening, debit balance, spaced IBAN', () => {
    const { statements, problems } = parseCamt053(sepa);
    expect(problems).toEqual([]);
    const doc = statements[0];
    expect(doc?.openingBalance).toEqual({ date: '2024-03-27', amountMinor: -125000, currency: 'EUR' });
    expect(doc?.closingBalance?.amountMinor).toBe(830050);
    expect(doc?.availableBalance?.amountMinor).toBe(830050);
    expect(doc?.account.bic).toBe('BYLADEM1001');
    expect(doc?.entries).toHaveLength(1);
    expect(doc?.entries[0]).toMatchObject({
      direction: 'credit',
      amountMinor: 955050,
      endToEndId: 'RE-2024-0417',
      counterparty: { name: 'Jan de Vries', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
      description: 'Rechnung 2024-0417 Kundennr. 5521',
    });
    expect(doc?.entries[0]?.customerReference).toBeUndefined(); // NOTPROVIDED
  });

  it('splits a batch into one entry per TxDtls only when each has its own amount', () => {
    const { statements, problems } = parseCamt053(batch);
    expect(problems).toEqual([]);
    const doc = statements[0];
    expect(doc?.account).toEqual({ raw: '0012345678', currency: 'EUR' });
    expect(doc?.statementNumber).toBe('12');
    const entries = doc?.entries ?? [];
    expect(entries.map((entry) => [entry.amountMinor, entry.counterparty?.name, entry.endToEndId])).toEqual([
      [10000, 'Anna Schmidt', 'SAL-05-001'],
      [20000, 'Piotr Nowak', 'SAL-05-002'],
      [7500, undefined, undefined],
    ]);
    // Both split entries point at the one <Ntry> line.
    expect(entries[0]?.line).toBe(entries[1]?.line);
    expect(entries[1]?.counterparty).toEqual({
      name: 'Piotr Nowak',
      iban: 'PL61109010140000071219812874',
      bic: 'WBKPPLPP',
    });
    expect(entries[2]?.description).toBe('SAMMLER 2 POSTEN');
  });

  it('flags a reversal, keeps the original payer as counterparty, honours JPY decimals and reports bad amounts', () => {
    const { statements, problems } = parseCamt053(reversal);
    const entries = statements[0]?.entries ?? [];
    expect(entries[0]).toMatchObject({
      direction: 'debit',
      reversal: true,
      amountMinor: 4990,
      valueDate: '2024-06-07',
      bookingDate: '2024-06-10',
      transactionType: 'PMNT/RCDT/RRTN',
      counterparty: { name: 'Max Mustermann', iban: 'DE89370400440532013000' },
    });
    expect(entries[1]).toMatchObject({ currency: 'JPY', amountMinor: 15000, description: 'Yen credit' });
    expect(entries).toHaveLength(2);
    expect(problems).toEqual([
      {
        line: 33,
        tag: 'Ntry',
        message: 'line 33, <Ntry>: amount `12.345` has more than 2 decimal places for EUR',
        severity: 'error',
      },
    ]);
  });
});

describe('parseCamt053 — hostile and broken input is refused with one clear problem', () => {
  const single = (text: string) => {
    const result = parseCamt053(text);
    expect(result.statements).toEqual([]);
    expect(result.problems).toHaveLength(1);
    return result.problems[0]?.message ?? '';
  };

  it('not XML', () => expect(single(notXml)).toBe('line 1: this is not XML, so not a CAMT.053 statement'));
  it('truncated', () => expect(single(truncated)).toMatch(/truncated|not closed|malformed/));
  it('DOCTYPE with entities (billion laughs) is refused before parsing', () => {
    expect(single(doctype)).toMatch(/^line 2: document type or entity declarations .* refused for safety$/);
  });
  it('10,000-deep nesting', () =>
    expect(single(deep)).toMatch(/^line 3: elements are nested more than 64 deep/));
  it('oversized input', () => {
    expect(parseCamt053(sepa, { maxChars: 100 }).problems[0]?.message).toMatch(
      /over the 100-character limit/,
    );
  });
  it('another camt message', () => {
    const camt052 =
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>';
    expect(single(camt052)).toBe(
      'line 1: this is camt.052.001.02, not a camt.053 bank-to-customer statement',
    );
  });
  it('does not throw on arbitrary garbage', () => {
    for (const text of ['', '<', '<a', '<<>>', '<a><b></a>', '\u0000\u0001', '<a x="1>', '<Document/>']) {
      expect(() => parseCamt053(text)).not.toThrow();
      expect(parseCamt053(text).problems.length).toBeGreaterThan(0);
    }
  });
});
