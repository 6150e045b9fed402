import { describe, expect, it } from 'vitest';
import type { ImportedTransaction, StatementImport } from '../model/statement';
import { holderFactsOf, indexCaseHolders, normalizeHolderName } from './holders';

function statement(partial: Partial<StatementImport>): StatementImport {
  return {
    source: { sha256: 's1', name: 'a.xlsx', size: 1, format: 'xlsx', importedAt: 0, importerVersion: 1 },
    accounts: [],
    transactions: [],
    rejected: [],
    mentions: [],
    invalid: [],
    checks: [],
    mappings: [],
    rows: { transactions: 0, rejected: 0, preamble: 0, header: 0, totals: 0, blank: 0, other: 0 },
    warnings: [],
    ...partial,
  };
}

const tx = (row: number, counterparty: ImportedTransaction['counterparty']): ImportedTransaction => ({
  sheet: 'S',
  row,
  bookedAt: 0,
  hasTime: false,
  direction: 'in',
  amountMinor: 1500000,
  currency: 'KZT',
  description: '',
  counterparty,
});

describe('holder facts', () => {
  const result = statement({
    accounts: [
      {
        sheet: 'S',
        row: 12,
        holderName: 'Нурланова Айгерим',
        idNumber: '880101400123',
        account: 'KZ86125KZT5004100100',
      },
    ],
    mentions: [
      { kind: 'iban', value: 'KZ86125KZT5004100100', sheet: 'S', row: 3, role: 'preamble' },
      { kind: 'card', value: '4400430012345678', sheet: 'S', row: 20, role: 'counterparty' },
      { kind: 'card', value: '4400430012345678', sheet: 'S', row: 21, role: 'counterparty' },
      { kind: 'phone', value: '+77011234567', sheet: 'S', row: 21, role: 'description' },
    ],
    transactions: [
      tx(20, { name: 'Иванов И. И.', card: '4400 4300 1234 5678' }),
      tx(21, { name: 'ИВАНОВ И. И.', card: '4400430012345678' }),
    ],
  });
  const facts = holderFactsOf(result);

  it('link the statement owner to the accounts in its header', () => {
    expect(facts.find((fact) => fact.role === 'owner')).toMatchObject({
      name: 'Нурланова Айгерим',
      idNumber: '880101400123',
      identifiers: ['iban:KZ86125KZT5004100100'],
      row: 12,
    });
  });

  it('link a counterparty name to the counterparty card on the same row, once per distinct fact', () => {
    const counterparty = facts.filter((fact) => fact.role === 'counterparty');
    // Two rows, two spellings of one name: one fact, first row kept as evidence, both rows counted.
    // The phone in the payment purpose text is not linked: the row does not say whose it is.
    expect(counterparty).toEqual([
      {
        name: 'Иванов И. И.',
        identifiers: ['card:4400430012345678'],
        role: 'counterparty',
        sheet: 'S',
        row: 20,
        rows: 2,
      },
    ]);
  });

  it('join facts across files into holders keyed by IIN, else by name', () => {
    const index = indexCaseHolders([{ sha256: 's1', holders: facts }]);
    expect(index.byKey.get('iin:880101400123')?.names).toEqual(['Нурланова Айгерим']);
    expect(index.byKey.get(`name:${normalizeHolderName('Иванов И. И.')}`)?.names).toEqual(['Иванов И. И.']);
    expect(index.holdersOf.get('card:4400430012345678')).toEqual([
      `name:${normalizeHolderName('Иванов И. И.')}`,
    ]);
  });
});

describe('holder facts over several sheets', () => {
  const on = (sheet: string, row: number, counterparty: ImportedTransaction['counterparty']) => ({
    ...tx(row, counterparty),
    sheet,
  });
  const mentions: StatementImport['mentions'] = [
    { kind: 'card', value: '4400430012345678', sheet: 'A', row: 5, role: 'counterparty' },
    { kind: 'iban', value: 'KZ86125KZT5004100100', sheet: 'A', row: 6, role: 'counterparty' },
    { kind: 'card', value: '4400430012345678', sheet: 'A', row: 6, role: 'counterparty' },
    { kind: 'iban', value: 'KZ86125KZT5004100100', sheet: 'A', row: 6, role: 'counterparty' },
    { kind: 'phone', value: '+77011234567', sheet: 'B', row: 2, role: 'counterparty' },
    { kind: 'phone', value: '+77019999999', sheet: 'C', row: 1, role: 'counterparty' },
  ];
  const transactions = [
    on('A', 5, { name: 'Иванов И. И.' }),
    on('A', 6, { name: 'Иванов И. И.' }),
    on('A', 7, {}),
    on('B', 2, { idNumber: '880101400123' }),
    on('B', 3, { idNumber: '880101400123' }),
  ];
  const expected = [
    {
      name: 'Иванов И. И.',
      identifiers: ['card:4400430012345678'],
      role: 'counterparty',
      sheet: 'A',
      row: 5,
      rows: 1,
    },
    {
      name: 'Иванов И. И.',
      identifiers: ['card:4400430012345678', 'iban:KZ86125KZT5004100100'],
      role: 'counterparty',
      sheet: 'A',
      row: 6,
      rows: 1,
    },
    {
      idNumber: '880101400123',
      identifiers: ['phone:+77011234567'],
      role: 'counterparty',
      sheet: 'B',
      row: 2,
      rows: 1,
    },
    { idNumber: '880101400123', identifiers: [], role: 'counterparty', sheet: 'B', row: 3, rows: 1 },
  ];

  it("link each row's own identifiers, sheet by sheet, a row's several ones deduplicated and sorted", () => {
    expect(holderFactsOf(statement({ mentions, transactions }))).toEqual(expected);
  });

  it('give the same facts when mentions do not follow the rows (the walk along them cannot be used)', () => {
    expect(holderFactsOf(statement({ mentions: [...mentions].reverse(), transactions }))).toEqual(expected);
    const shuffled = [mentions[4], ...mentions.slice(0, 4), mentions[5]] as StatementImport['mentions'];
    expect(holderFactsOf(statement({ mentions: shuffled, transactions }))).toEqual(expected);
  });

  it('give the same facts when the transactions themselves are not in row order', () => {
    const swapped = [transactions[1], transactions[0], ...transactions.slice(2)] as ImportedTransaction[];
    const facts = holderFactsOf(statement({ mentions, transactions: swapped }));
    expect(facts).toEqual([expected[1], expected[0], expected[2], expected[3]]);
  });
});
