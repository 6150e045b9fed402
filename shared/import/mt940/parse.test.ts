import { describe, expect, it } from 'vitest';
import { parseMt940 } from './parse';
import { parseDetails86 } from './details-86';
import { parseStatementLine } from './statement-line';
import asnb from './fixtures/peer/ASNB/0708271685_09022020_164516.940.txt?raw';
import sparkassen from './fixtures/peer/self-provided/sparkassen.sta?raw';
import february30 from './fixtures/peer/self-provided/february_30.sta?raw';
import raphaelm from './fixtures/peer/self-provided/raphaelm.sta?raw';
import mt942 from './fixtures/peer/mBank/mt942.sta?raw';
import sepaSnippet from './fixtures/peer/betterplace/sepa_snippet.sta?raw';
import rabobankIban from './fixtures/peer/jejik/rabobank-iban.sta?raw';
import ing from './fixtures/peer/jejik/ing.sta?raw';
import raiffeisen from './fixtures/peer/self-provided/raiffeisen-cmi.sta?raw';
import invalid from './fixtures/peer/self-provided/invalid_statement.sta?raw';

const statement = (lines: string[], eol = '\n'): string => lines.join(eol);

describe('parseMt940 — structure', () => {
  it('reads SWIFT block-wrapped messages (ASNB, no peer expectation for this sample)', () => {
    const { statements, problems } = parseMt940(asnb);
    expect(problems).toEqual([]);
    expect(statements.length).toBeGreaterThan(3);
    const first = statements[0];
    expect(first).toMatchObject({
      format: 'mt940',
      reference: '0000000000',
      statementNumber: '1/1',
      line: 2, // line 1 is the `{1:...}{2:...}{4:` header
      account: { raw: 'NL81ASNB9999999999' }, // not a valid IBAN checksum (anonymised), so no `iban`
      openingBalance: { date: '2020-01-01', amountMinor: 44429, currency: 'EUR' },
      closingBalance: { date: '2020-01-01', amountMinor: 37929, currency: 'EUR' },
    });
    expect(first?.entries[0]).toMatchObject({
      valueDate: '2020-01-01',
      bookingDate: '2020-01-01',
      direction: 'debit',
      amountMinor: 6500,
      transactionType: 'NOVB',
      customerReference: 'NL47INGB9999999999',
      supplementaryDetails: 'hr gjlm paulissen',
      description: 'NL47INGB9999999999 hr gjlm paulissen Betaling sieraden',
      line: 6,
    });
    // Every statement's entries add up from opening to closing balance.
    for (const doc of statements) {
      const moved = doc.entries.reduce(
        (sum, e) => sum + (e.direction === 'credit' ? e.amountMinor : -e.amountMinor),
        0,
      );
      expect((doc.openingBalance?.amountMinor ?? 0) + moved).toBe(doc.closingBalance?.amountMinor);
    }
  });

  it('handles CRLF, LF and a missing final newline identically', () => {
    const lines = [
      ':20:REF',
      ':25:KZ86125KZT5004100100',
      ':28C:1/1',
      ':60F:C240101KZT100,00',
      ':61:240102C50,NTRFNONREF',
      ':86:Top-up',
      ':62F:C240102KZT150,00',
    ];
    const lf = parseMt940(statement(lines) + '\n');
    expect(parseMt940(statement(lines, '\r\n'))).toEqual(lf);
    expect(parseMt940(statement(lines))).toEqual(lf);
    expect(lf.statements[0]?.account).toEqual({ raw: 'KZ86125KZT5004100100', iban: 'KZ86125KZT5004100100' });
    expect(lf.statements[0]?.entries[0]).toMatchObject({
      amountMinor: 5000,
      currency: 'KZT',
      description: 'Top-up',
    });
  });

  it('reports a file that is not MT940 with one clear problem', () => {
    const { statements, problems } = parseMt940(invalid);
    expect(statements).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^line 1: this is not an MT940\/MT942 statement/);
  });

  it('reports and skips a malformed entry, keeps the rest', () => {
    const text = statement([
      ':20:X',
      ':25:ACC',
      ':60F:C240101EUR0,',
      ':61:240102C12,3,4NTRFNONREF',
      ':86:bad one',
      ':61:240103D1,NTRFNONREF',
      ':86:good one',
      ':62F:D240103EUR1,',
    ]);
    const { statements, problems } = parseMt940(text);
    expect(problems).toEqual([
      {
        line: 4,
        tag: ':61:',
        message: 'line 4, :61: amount `12,3,4` is not a number; entry skipped',
        severity: 'error',
      },
    ]);
    expect(statements[0]?.entries.map((e) => [e.line, e.amountMinor, e.description])).toEqual([
      [6, 100, 'good one'],
    ]);
    expect(statements[0]?.closingBalance?.amountMinor).toBe(-100);
  });

  it('reports a balance without currency; infers it from the statement (raphaelm :62M:)', () => {
    const { statements, problems } = parseMt940(raphaelm);
    expect(statements[0]?.closingBalance).toEqual({
      date: '2002-03-15',
      amountMinor: 10500000,
      currency: 'DEM',
      intermediate: true,
    });
    expect(problems.map((p) => p.message)).toContain(
      'line 27, :62M: balance missing currency; DEM assumed from the statement',
    );
  });

  it('keeps 30 February with a warning (German interest booking)', () => {
    const { statements, problems } = parseMt940(february30);
    expect(statements[0]?.entries[0]?.valueDate).toBe('2016-02-29');
    expect(problems).toEqual([
      expect.objectContaining({
        line: 6,
        tag: ':61:',
        severity: 'warning',
        message: 'line 6, :61: value date `160230` does not exist; read as 2016-02-29',
      }),
    ]);
  });

  it('repairs a tag broken over two lines and an amount on the next line (Sparkasse)', () => {
    const entry = parseMt940(sparkassen).statements[0]?.entries[0];
    expect(entry).toMatchObject({
      direction: 'credit',
      amountMinor: 3000,
      transactionType: 'N062',
      bankTransactionCode: '166',
    });
    expect(entry?.description).toBe('GUTSCHR. UEBERWEISUNG: SVWZ+Test');
  });

  it('reads MT942 interim reports', () => {
    const doc = parseMt940(mt942).statements[0];
    expect(doc).toMatchObject({
      format: 'mt942',
      createdAt: '2017-01-19T18:15+01:00',
      floorLimit: { debit: { amountMinor: 0, currency: 'PLN' }, credit: { amountMinor: 0, currency: 'PLN' } },
      debitSummary: { count: 0, amountMinor: 0, currency: 'PLN' },
      creditSummary: { count: 3, amountMinor: 3, currency: 'PLN' },
    });
    expect(doc?.entries).toHaveLength(3);
  });

  it('keeps an :86: that follows no :61: as statement information (ING)', () => {
    const doc = parseMt940(ing).statements[0];
    expect(doc?.information).toBe('D000004C000002D25,24C28,71');
    expect(doc?.entries.at(-1)?.description).toBe(
      '0111111111 Hr S Marechal ROSMALEN Hr S Marechal ROSMALEN Betaling transactiedatum: 22-07-2010',
    );
  });

  it('reads cp852 text once decoded (Raiffeisen, converted to UTF-8 in fixtures)', () => {
    const doc = parseMt940(raiffeisen).statements[0];
    expect(doc?.account).toEqual({
      raw: 'UBRTHUHB/123456789150ABCDEF002/HUF',
      bic: 'UBRTHUHB',
      currency: 'HUF',
    });
    expect(doc?.entries[0]?.supplementaryDetails).toBe('Csoportos átutalás jóváírása');
    expect(doc?.forwardAvailableBalances).toHaveLength(3);
  });
});

describe(':61: statement line', () => {
  it('maps RC/RD reversals to the holder view and flags them', () => {
    const rc = parseStatementLine(['0709040904RCR204,88NRTINONREF']);
    expect(rc).toMatchObject({
      ok: true,
      value: { direction: 'debit', reversal: true, fundsCode: 'R', amountText: '204,88' },
    });
    const rd = parseStatementLine(['240101RD5,NTRFNONREF']);
    expect(rd).toMatchObject({ ok: true, value: { direction: 'credit', reversal: true } });
    // `DR` is D + funds code R (third letter of EUR), not a reversal.
    expect(parseStatementLine(['240101DR5,NTRFNONREF'])).toMatchObject({
      ok: true,
      value: { direction: 'debit', reversal: false },
    });
  });

  it('rolls the entry date over the new year both ways', () => {
    expect(parseStatementLine(['1912310102C1,NTRF'])).toMatchObject({
      value: { valueDate: '2019-12-31', bookingDate: '2020-01-02' },
    });
    expect(parseStatementLine(['2001021231C1,NTRF'])).toMatchObject({
      value: { valueDate: '2020-01-02', bookingDate: '2019-12-31' },
    });
  });

  it('uses the 80 pivot for two-digit years', () => {
    expect(parseStatementLine(['791231C1,NTRF'])).toMatchObject({ value: { valueDate: '2079-12-31' } });
    expect(parseStatementLine(['800101C1,NTRF'])).toMatchObject({ value: { valueDate: '1980-01-01' } });
  });

  it('splits customer and bank reference and keeps supplementary details', () => {
    expect(
      parseStatementLine(['1312091209C79,7FMSC01916//NONREF', '20131209007602198765432000000012']),
    ).toMatchObject({
      value: {
        transactionType: 'FMSC',
        customerReference: '01916',
        supplementaryDetails: '20131209007602198765432000000012',
      },
    });
    const rabo = parseStatementLine([
      '110527D000000001213,28N0440121470966      W.P. Jansen                      ',
    ]);
    expect(rabo).toMatchObject({
      value: { customerReference: '0121470966', supplementaryDetails: 'W.P. Jansen' },
    });
  });

  it('rejects a bad date', () => {
    expect(parseStatementLine(['241301C1,NTRF'])).toEqual({
      ok: false,
      reason: 'value date `241301` is not a valid date',
    });
  });
});

describe('amounts are exact in the currency minor unit', () => {
  const amountOf = (currency: string, amount: string) => {
    const text = statement([':20:X', ':25:A', `:60F:C240101${currency}0,`, `:61:240102C${amount}NTRFNONREF`]);
    return parseMt940(text);
  };
  it.each([
    ['EUR', '1234,5', 123450],
    ['EUR', '0,01', 1],
    ['JPY', '15000,', 15000],
    ['JPY', '15000,00', 15000],
    ['KWD', '1,234', 1234],
    ['KZT', '99999999999,99', 9999999999999],
  ])('%s %s -> %i', (currency, amount, minor) => {
    expect(amountOf(currency, amount).statements[0]?.entries[0]?.amountMinor).toBe(minor);
  });
  it('refuses digits the currency does not have', () => {
    expect(amountOf('JPY', '10,5').problems[0]?.message).toBe(
      'line 4, :61: entry amount `10,5` has more than 0 decimal places for JPY',
    );
  });
});

describe(':86: details', () => {
  it('reads German ?NN subfields with SEPA keywords and the counterparty', () => {
    const entry = parseMt940(sepaSnippet).statements[0]?.entries[0];
    expect(entry).toMatchObject({
      bankTransactionCode: '166',
      endToEndId: 'EndToEndId TFNR 22 004 00001',
      counterparty: { name: 'KARL KAUFMANN', iban: 'DE14508800500194785000', bic: 'DRESDEFF508' },
    });
    expect(entry?.description).toBe(
      'GUTSCHRIFT: EREF+EndToEndId TFNR 22 004 00001 SVWZ+Verw CTSc-01 BC-PPP TFNr 22 004',
    );
  });

  it('reads the SEPA slash style (Rabobank)', () => {
    const entry = parseMt940(rabobankIban).statements[0]?.entries[0];
    expect(entry).toMatchObject({
      counterparty: { name: 'CONTRA ACCOUNT HOLDER' },
      endToEndId: '01-01-2013 12:00 0030000987654321',
    });
  });

  it('reads CNTP and REMI', () => {
    const details = parseDetails86([
      '/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/J DE VRIES/REMI/Factuur 12/EREF/NOTPROVIDED',
    ]);
    expect(details).toEqual({
      description: 'Factuur 12',
      counterparty: { name: 'J DE VRIES', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
    });
    expect(
      parseDetails86(['/CNTP/NL91ABNA0417164300/ABNANL2A/J DE VRIES/AMSTERDAM/REMI/USTD//Rent May/']),
    ).toEqual({
      description: 'Rent May',
      counterparty: { name: 'J DE VRIES', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
    });
  });
});
