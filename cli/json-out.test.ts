import { describe, expect, it } from 'vitest';
import { writeJson } from './json-out';

const written = (value: unknown): string => {
  let text = '';
  writeJson(value, (piece) => (text += piece));
  return text;
};

describe('writeJson', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, and a newline', () => {
    const samples: unknown[] = [
      { sources: [], identifiers: [], invalid: [], resolutions: [] },
      {
        sources: [
          { file: 'a.csv', rows: 3, rejected: [{ sheet: '', row: 4, reason: 'amount `1,2,3`' }], totals: {} },
        ],
        identifiers: [
          { kind: 'card', value: '4400', mentions: [{ file: 'a', sheet: 'S', row: 1 }, { file: 'b' }] },
        ],
        deep: { a: { b: { c: { d: { e: [1, [2, [3, {}]]] } } } } },
        skipped: undefined,
        fn: () => 1,
        list: [undefined, () => 1, null, 'line\nbreak', '«кавычки»', 1.5e-7, -0],
        date: new Date(0),
        nested: [[], {}, [[]], [{}]],
      },
      [],
      {},
      'text',
      42,
      null,
    ];
    for (const value of samples) expect(written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('writes a summary longer than the longest string V8 can make, in pieces', () => {
    const pieces: number[] = [];
    const mention = { file: 'statement.csv', sheet: '', row: 1 };
    const identifiers = Array.from({ length: 40_000 }, (_, i) => ({
      kind: 'phone',
      value: `+7701${String(i).padStart(7, '0')}`,
      mentions: Array.from({ length: 10 }, () => mention),
    }));
    writeJson({ identifiers }, (piece) => pieces.push(piece.length));
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces)).toBeLessThan(2 * (1 << 20));
  });
});
