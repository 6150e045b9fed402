import { describe, expect, it } from 'vitest';
import type { ImportedTransaction } from '../model/statement';
import {
  decodeTransactionBlock,
  encodeTransactionBlock,
  toTransactionBlocks,
  transactionAt,
} from './transaction-block';

const full: ImportedTransaction = {
  sheet: 'KZ86125KZT5004100100KZT',
  row: 14,
  column: 'F',
  bookedAt: Date.UTC(2025, 2, 1, 7, 30),
  hasTime: true,
  direction: 'out',
  amountMinor: 500_000,
  currency: 'KZT',
  amountKztMinor: 500_000,
  balanceMinor: -1_250,
  description: 'Перевод на карту 4400 43** **** 1234',
  knp: '119',
  ownAccount: 'KZ86125KZT5004100100',
  counterparty: {
    name: 'Иванов И. И.',
    idNumber: '880101300123',
    account: 'KZ75722C000012345678',
    bank: 'Kaspi Bank',
    card: '440043******1234',
    phone: '+77011234567',
    wallet: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  },
  txid: 'ab'.repeat(32),
  network: 'TRC20',
};

const bare: ImportedTransaction = {
  sheet: 'Лист1',
  row: 2,
  bookedAt: Date.UTC(2024, 0, 1),
  hasTime: false,
  direction: 'in',
  amountMinor: 1,
  currency: 'USDT',
  description: '',
  counterparty: {},
};

describe('transaction blocks', () => {
  it('round-trip every field, and leave absent optional fields absent', () => {
    const block = encodeTransactionBlock([full, bare, full]);
    expect(decodeTransactionBlock(block)).toEqual([full, bare, full]);
    expect(Object.keys(transactionAt(block, 1)).sort()).toEqual(Object.keys(bare).sort());
  });

  it('dictionary-encode repeated sheets and currencies', () => {
    const block = encodeTransactionBlock([full, full, bare, full]);
    expect(block.dictionary).toEqual(['KZ86125KZT5004100100KZT', 'KZT', 'Лист1', 'USDT']);
    expect([...block.sheet]).toEqual([0, 0, 2, 0]);
  });

  it('split a file into blocks in file order', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ ...bare, row: i + 2 }));
    const blocks = toTransactionBlocks(rows, 10);
    expect(blocks.map((block) => block.count)).toEqual([10, 10, 5]);
    expect(blocks.flatMap(decodeTransactionBlock).map((t) => t.row)).toEqual(rows.map((t) => t.row));
  });
});
