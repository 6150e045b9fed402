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
    expect(() => decodeBlockBytes(new Uint8Array([4, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/version/);
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

  it('write long string columns as text, top level and one object down, exactly', () => {
    const texts = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
    const record = {
      count: 200,
      description: texts(200, (i) =>
        i % 7 === 0 ? '' : `Перевод №${i} «Снежок» ₸ 😀 ${'x'.repeat(i % 13)}`,
      ),
      text: {
        name: texts(200, (i) => `Иванов ${i}`),
        short: ['a', 'b'],
        // A surrogate pair split across two strings: each alone is ill-formed, together they are not.
        split: texts(200, (i) => (i === 10 ? 'a\uD83D' : i === 11 ? '\uDE00b' : `${i}`)),
        // A lone surrogate stays in JSON: UTF-8 could not give it back.
        lone: texts(200, (i) => (i === 5 ? 'x\uD800' : 'y')),
        numbers: texts(200, (i) => String(i)).map(Number),
      },
      mixed: [...texts(100, String), 5],
      row: new Uint32Array([1, 2, 3]),
    };
    const bytes = encodeColumnarBytes(record);
    const header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(8, 8 + new DataView(bytes.buffer).getUint32(4, true))),
    );
    expect(header.texts.map((t: [string[]]) => t[0].join('.'))).toEqual([
      'description',
      'text.name',
      'text.split',
    ]);
    expect(decodeColumnarBytes(bytes)).toEqual(record);
  });

  it('keep every text column exact when their UTF-8 outgrows the reused buffer, and after', () => {
    // A 20 MB column needs a buffer larger than the one kept afterwards: the encoder is back to
    // its first 1 MB. Then three-byte characters: the first column fills most of it, the second
    // makes it grow mid-record (the first column's bytes must move along).
    const column = (n: number, text: string) => Array.from({ length: n }, (_, i) => `${text}${i}`);
    const huge = { text: column(100, 'ж'.repeat(70_000)) };
    expect(decodeColumnarBytes(encodeColumnarBytes(huge))).toEqual(huge);
    const grown = { first: column(100, '€'.repeat(3000)), second: column(100, '₸'.repeat(3000)) };
    expect(decodeColumnarBytes(encodeColumnarBytes(grown))).toEqual(grown);
    const after = { text: column(100, 'Перевод ') };
    expect(decodeColumnarBytes(encodeColumnarBytes(after))).toEqual(after);
  });

  it('still read records written before text columns (format version 1)', () => {
    const v1 =
      'AQAAAMUAAAB7ImZpZWxkcyI6eyJjb3VudCI6MiwiZGljdGlvbmFyeSI6WyJLWlQiXSwiZGVzY3JpcHRpb24iOlsi0J/QtdGA0LXQstC+0LQgwqvQodC90LXQttC+0LrCuyIsIiJdLCJ0ZXh0Ijp7Im5hbWUiOlsi0JjQstCw0L3QvtCyIiwiYVx1ZDgwMCJdfSwibiI6bnVsbH0sImNvbHVtbnMiOltbImJvb2tlZEF0IiwiZjY0IiwyXSxbInJvdyIsInUzMiIsMl1dfQAAAAAAAAAAAPA/AAAAAAAA+H8HAAAACAAAAA==';
    expect(decodeColumnarBytes(new Uint8Array(Buffer.from(v1, 'base64')))).toEqual({
      count: 2,
      bookedAt: new Float64Array([1, Number.NaN]),
      row: new Uint32Array([7, 8]),
      dictionary: ['KZT'],
      description: ['Перевод «Снежок»', ''],
      text: { name: ['Иванов', 'a\uD800'] },
      n: null,
    });
  });

  it('still read records written before dictionary columns (format version 2)', () => {
    const v2 =
      'AgAAAIcAAAB7ImZpZWxkcyI6eyJjb3VudCI6NjQsInRleHQiOnsia25wIjpbIjExOSJdfX0sImNvbHVtbnMiOltbInJvdyIs' +
      'InUxNiIsNjRdXSwidGV4dHMiOltbWyJkZXNjcmlwdGlvbiJdLDY0LDQwMF0sW1sidGV4dCIsImJhbmsiXSw2NCw0ODBdXX0A' +
      'AgADAAQABQAGAAcACAAJAAoACwAMAA0ADgAPABAAEQASABMAFAAVABYAFwAYABkAGgAbABwAHQAeAB8AIAAhACIAIwAkACUA' +
      'JgAnACgAKQAqACsALAAtAC4ALwAwADEAMgAzADQANQA2ADcAOAA5ADoAOwA8AD0APgA/AEAAQQAAAAAAAwAAAAMAAAADAAAA' +
      'AwAAAAAAAAADAAAAAwAAAAMAAAADAAAAAAAAAAQAAAAEAAAABAAAAAQAAAAAAAAABAAAAAQAAAAEAAAABAAAAAAAAAAEAAAA' +
      'BAAAAAQAAAAEAAAAAAAAAAQAAAAEAAAABAAAAAQAAAAAAAAABAAAAAQAAAAEAAAABAAAAAAAAAAEAAAABAAAAAQAAAAEAAAA' +
      'AAAAAAQAAAAEAAAABAAAAAQAAAAAAAAABAAAAAQAAAAEAAAABAAAAAAAAAAEAAAABAAAAAQAAAAEAAAAAAAAAAQAAAAEAAAA' +
      'BAAAAAQAAAAAAAAABAAAAAQAAAAEAAAA4oSWMeKCuOKEljLigrjihJYz4oK44oSWNOKCuOKEljbigrjihJY34oK44oSWOOKC' +
      'uOKEljnigrjihJYxMeKCuOKEljEy4oK44oSWMTPigrjihJYxNOKCuOKEljE24oK44oSWMTfigrjihJYxOOKCuOKEljE54oK4' +
      '4oSWMjHigrjihJYyMuKCuOKEljIz4oK44oSWMjTigrjihJYyNuKCuOKEljI34oK44oSWMjjigrjihJYyOeKCuOKEljMx4oK4' +
      '4oSWMzLigrjihJYzM+KCuOKEljM04oK44oSWMzbigrjihJYzN+KCuOKEljM44oK44oSWMznigrjihJY0MeKCuOKEljQy4oK4' +
      '4oSWNDPigrjihJY0NOKCuOKEljQ24oK44oSWNDfigrjihJY0OOKCuOKEljQ54oK44oSWNTHigrjihJY1MuKCuOKEljUz4oK4' +
      '4oSWNTTigrjihJY1NuKCuOKEljU34oK44oSWNTjigrjihJY1OeKCuOKEljYx4oK44oSWNjLigrjihJY2M+KCuAUAAAAFAAAA' +
      'BQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAA' +
      'BQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAA' +
      'BQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAFAAAA' +
      'BQAAAAUAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAABIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDR' +
      'gdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca' +
      '0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5' +
      'a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhI' +
      'YWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/' +
      '0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDR' +
      'gdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca0LDRgdC/0LhIYWx5a9Ca' +
      '0LDRgdC/0Lg=';
    const bytes = new Uint8Array(Buffer.from(v2, 'base64'));
    expect(bytes[0]).toBe(2);
    expect(decodeColumnarBytes(bytes)).toEqual({
      count: 64,
      row: new Uint16Array(Array.from({ length: 64 }, (_, i) => i + 2)),
      description: Array.from({ length: 64 }, (_, i) => (i % 5 === 0 ? '' : `№${i}₸`)),
      text: { bank: Array.from({ length: 64 }, (_, i) => (i % 2 ? 'Каспи' : 'Halyk')), knp: ['119'] },
    });
  });

  it('write a text column that repeats itself as a dictionary, exactly, and one that does not as text', () => {
    const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
    const record = {
      description: rows(200, (i) => `Перевод №${i} 😀`),
      text: {
        bank: rows(200, (i) => (i % 3 === 0 ? 'АО «Kaspi Bank»' : i % 3 === 1 ? '' : 'Halyk')),
        // Exactly half the rows distinct: still a dictionary; one more and it is not.
        half: rows(200, (i) => `a${i >> 1}`),
        most: rows(200, (i) => (i < 101 ? `b${i}` : 'b')),
        split: rows(200, (i) => (i % 2 ? 'a\uD83D' : '\uDE00b')),
      },
      // Past 65,536 distinct strings the indexes are 32-bit.
      wide: rows(140_000, (i) => `ИИН ${i % 70_000}`),
    };
    const bytes = encodeColumnarBytes(record);
    const header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(8, 8 + new DataView(bytes.buffer).getUint32(4, true))),
    );
    const kinds = Object.fromEntries(
      header.texts.map((t: [string[], number, number, number?]) => [t[0].join('.'), t[3] ?? 'text']),
    );
    expect(bytes[0]).toBe(3);
    expect(kinds).toEqual({
      description: 'text',
      'text.bank': 3,
      'text.half': 100,
      'text.most': 'text',
      wide: 70_000,
    });
    expect(decodeColumnarBytes(bytes)).toEqual(record);
  });

  it('refuse a dictionary column that points past its strings, or in an older format', () => {
    const record = { bank: Array.from({ length: 100 }, (_, i) => (i % 2 ? 'Каспи' : 'Halyk')) };
    const bytes = encodeColumnarBytes(record);
    const last = bytes.slice();
    // The indexes come last: u16 per row, padded to 8.
    new DataView(last.buffer).setUint16(last.length - 8, 7, true);
    expect(() => decodeColumnarBytes(last)).toThrow(/past its dictionary/);
    const older = bytes.slice();
    older[0] = 2;
    expect(() => decodeColumnarBytes(older)).toThrow(/bad dictionary/);
  });

  it('refuse text columns whose lengths or path do not fit', () => {
    const record = { description: Array.from({ length: 100 }, (_, i) => `строка ${i}`) };
    const bytes = encodeColumnarBytes(record);
    const lengthsAt = (n: number) => ((8 + n + 7) & ~7) as number;
    const jsonLength = new DataView(bytes.buffer).getUint32(4, true);
    const longer = bytes.slice();
    new DataView(longer.buffer).setUint32(lengthsAt(jsonLength), 999, true);
    expect(() => decodeColumnarBytes(longer)).toThrow(/lengths that do not add up/);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + jsonLength)));
    header.texts[0][0] = ['__proto__'];
    const json = new TextEncoder().encode(JSON.stringify(header));
    const evil = new Uint8Array(bytes.length - jsonLength + json.length + 16);
    evil[0] = 2;
    new DataView(evil.buffer).setUint32(4, json.length, true);
    evil.set(json, 8);
    evil.set(bytes.subarray(lengthsAt(jsonLength)), lengthsAt(json.length));
    expect(() =>
      decodeColumnarBytes(evil.subarray(0, lengthsAt(json.length) + bytes.length - lengthsAt(jsonLength))),
    ).toThrow(/path/);
  });
});
