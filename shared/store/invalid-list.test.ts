import { describe, expect, it } from 'vitest';
import { decodeColumnarBytes, encodeColumnarBytes } from '../crypto/columnar';
import type { InvalidMention } from '../model/statement';
import { decodeInvalidColumns, encodeInvalidColumns } from './invalid-list';

const through = (list: InvalidMention[]): InvalidMention[] =>
  decodeInvalidColumns(
    decodeColumnarBytes(
      encodeColumnarBytes(encodeInvalidColumns(list) as unknown as Record<string, unknown>),
    ),
  );

describe('invalid identifiers as columns', () => {
  const list: InvalidMention[] = [
    {
      sheet: 'Выписка',
      row: 10,
      kind: 'iin',
      raw: '880101300017',
      reason: 'checksum',
      message: 'IIN/BIN check digit does not match',
      role: 'own',
      column: 'I',
    },
    {
      sheet: 'Выписка',
      row: 11,
      kind: 'card',
      raw: '4400 4302 1234 5674',
      reason: 'luhn',
      message: 'Card number fails the Luhn check digit',
      role: 'description',
      column: 'S',
    },
    // No column, no role (a preamble fact from an older case), a reason this version does not know.
    {
      sheet: 'Лист 2',
      row: 3,
      kind: 'iban',
      raw: 'KZ00 bad',
      reason: 'some-new-reason',
      message: 'as an older app wrote it',
    },
    // Strings that must come back exactly: a lone surrogate (SheetJS can yield one), quotes, NUL.
    {
      sheet: 'Выписка',
      row: 1_048_576,
      kind: 'phone',
      raw: 'тел. \ud800 "8 701"\u0000',
      reason: 'format',
      message: 'IIN/BIN check digit does not match',
      role: 'counterparty',
    },
  ];

  it('give every invalid identifier back exactly, in order', () => {
    const back = through(list);
    expect(back).toEqual(list);
    expect(back[2]).not.toHaveProperty('column');
    expect(back[2]).not.toHaveProperty('role');
    expect(through([])).toEqual([]);
  });

  it('keep each repeated kind, reason, message and sheet once', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...(list[i % 2] as InvalidMention), row: i }));
    const columns = encodeInvalidColumns(many);
    expect(columns.labels.length).toBeLessThan(20);
    expect(through(many)).toEqual(many);
  });

  it('refuse a damaged record rather than make up identifiers', () => {
    const good = encodeInvalidColumns(list) as unknown as Record<string, unknown>;
    const broken = (patch: Record<string, unknown>) => () => decodeInvalidColumns({ ...good, ...patch });
    expect(broken({ count: -1 })).toThrow(/bad count/);
    expect(broken({ raw: ['x'] })).toThrow(/bad raw column/);
    expect(broken({ kind: new Uint32Array([0, 0, 0, 999]) })).toThrow(/kind index 999 out of range/);
    expect(broken({ reason: new Uint32Array([0, 0, 0, 0xffffffff]) })).toThrow(/reason index/);
    expect(broken({ row: new Uint32Array(4) })).toThrow(/bad row column/);
    expect(broken({ labels: [1, 2] })).toThrow(/bad labels/);
  });
});
