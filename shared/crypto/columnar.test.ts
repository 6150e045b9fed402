import { describe, expect, it } from 'vitest';
import type { ImportedTransaction } from '../model/statement';
import {
  decodeTransactionBlock,
  encodeTransactionBlock,
  transferablesOf,
  type TransactionBlock,
} from '../store/transaction-block';
import { decodeBlockBytes, decodeColumnarBytes, encodeBlockBytes, encodeColumnarBytes } from './columnar';
import { decryptRecord, encryptRecord, recordAad } from './envelope';
import { newCase } from './test-keys';

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
  description: 'Перевод на карту 4400 43** **** 1234 — «Әлем» 🧾',
  knp: '119',
  ownAccount: 'KZ86125KZT5004100100',
  counterparty: {
    name: 'Иванов И. И.',
    card: '440043******1234',
    phone: '+77011234567',
    wallet: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  },
  txid: 'ab'.repeat(32),
  network: 'TRC20',
};
// No tenge equivalent and no balance: NaN in the Float64 columns.
const bare: ImportedTransaction = {
  sheet: 'Лист1',
  row: 2,
  bookedAt: Date.UTC(2024, 0, 1),
  hasTime: false,
  direction: 'in',
  amountMinor: 1,
  currency: 'USDT',
  description: 'e\u0301 NFD stays NFD, "quotes" \\ and \u0000 NUL',
  counterparty: {},
};

const rows = [full, bare, { ...full, row: 15, amountMinor: -0 }];

const bits = (array: Float64Array) => [...new Uint8Array(array.buffer, array.byteOffset, array.byteLength)];

describe('block bytes', () => {
  it('round-trip a real TransactionBlock exactly, unicode and NaN included', () => {
    const block = encodeTransactionBlock(rows);
    expect(Number.isNaN(block.balanceMinor[1])).toBe(true);
    const decoded = decodeBlockBytes(encodeBlockBytes(block));
    expect(decoded).toEqual(block);
    expect(decodeTransactionBlock(decoded)).toEqual(rows);
    for (const column of ['bookedAt', 'amountMinor', 'amountKztMinor', 'balanceMinor'] as const) {
      expect(bits(decoded[column])).toEqual(bits(block[column]));
    }
    expect(Object.is(decoded.amountMinor[2], -0)).toBe(true);
  });

  it('keep a non-canonical NaN bit pattern', () => {
    const block = encodeTransactionBlock([bare]);
    new DataView(block.amountKztMinor.buffer).setBigUint64(0, 0x7ff8_dead_beef_0001n, true);
    const decoded = decodeBlockBytes(encodeBlockBytes(block));
    expect(bits(decoded.amountKztMinor)).toEqual(bits(block.amountKztMinor));
  });

  it('give each column its own buffer, so the block can be transferred to a worker', () => {
    const decoded = decodeBlockBytes(encodeBlockBytes(encodeTransactionBlock(rows)));
    const buffers = transferablesOf(decoded);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(() => structuredClone(decoded, { transfer: buffers })).not.toThrow();
  });

  it('round-trip an empty block and a large one through encryption', async () => {
    expect(decodeBlockBytes(encodeBlockBytes(encodeTransactionBlock([])))).toEqual(
      encodeTransactionBlock([]),
    );
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...(i % 3 ? full : bare), row: i }));
    const block = encodeTransactionBlock(many);
    const { keys } = await newCase();
    const aad = recordAad('transactionBlocks', 7);
    const sealed = await encryptRecord(keys, aad, encodeBlockBytes(block));
    expect(decodeBlockBytes(await decryptRecord(keys, aad, sealed))).toEqual(block);
  });

  it('decode from a view into a larger buffer', () => {
    const bytes = encodeBlockBytes(encodeTransactionBlock(rows));
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(decodeBlockBytes(padded.subarray(3))).toEqual(encodeTransactionBlock(rows));
  });

  it('refuse damaged or mismatched bytes', () => {
    const block = encodeTransactionBlock(rows);
    const bytes = encodeBlockBytes(block);
    expect(() => decodeBlockBytes(bytes.subarray(0, bytes.length - 8))).toThrow(/Malformed/);
    expect(() => decodeBlockBytes(new Uint8Array([2, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/version/);
    const short: TransactionBlock = { ...block, row: block.row.subarray(1) };
    expect(() => decodeBlockBytes(encodeBlockBytes(short))).toThrow(/column row/);
    const wrongType = { ...block, sheet: new Uint32Array(block.count) } as unknown as TransactionBlock;
    expect(() => decodeBlockBytes(encodeBlockBytes(wrongType))).toThrow(/column sheet/);
    const badText = { ...block, text: { ...block.text, knp: [] } };
    expect(() => decodeBlockBytes(encodeBlockBytes(badText))).toThrow(/text/);
  });

  it('encode any record of typed-array columns and JSON fields', () => {
    const record = {
      id: 'm-1',
      nested: { a: [1, 'б'] },
      f32: new Float32Array([1.5, Number.NaN]),
      i16: new Int16Array([-2, 3]).subarray(1),
      i8: new Int8Array([-1]),
    };
    expect(decodeColumnarBytes(encodeColumnarBytes(record))).toEqual(record);
    expect(() => encodeColumnarBytes({ x: new BigInt64Array(1) })).toThrow(/Unsupported/);
  });
});
