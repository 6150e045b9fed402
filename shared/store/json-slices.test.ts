import { describe, expect, it } from 'vitest';
import { jsonBytesInSlices, slicedItems } from './json-slices';

describe('jsonBytesInSlices', () => {
  it('writes exactly the UTF-8 of JSON.stringify’s text, pausing after every slice of a long array', async () => {
    const invalid = Array.from({ length: 10 }, (_, i) => ({ row: i, raw: `4400 ${i}`, reason: 'luhn' }));
    const records: Record<string, unknown>[] = [
      {},
      {
        name: 'выписка.csv',
        invalid,
        rejected: [],
        skipped: undefined,
        fn: () => 1,
        holes: [1, undefined, 3],
      },
      { invalid: invalid.slice(0, 3), nested: { list: invalid }, n: null },
      { only: undefined },
    ];
    for (const record of records) {
      const pauses: number[] = [];
      const bytes = await jsonBytesInSlices(record, async (n) => void pauses.push(n), 3);
      expect(bytes).toEqual(new TextEncoder().encode(JSON.stringify(record)));
      const text = new TextDecoder().decode(bytes);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(record)));
      const long = Object.values(record).filter((v) => Array.isArray(v) && v.length > 3) as unknown[][];
      expect(pauses.length).toBe(long.reduce((n, list) => n + Math.ceil(list.length / 3), 0));
      expect(pauses.at(-1) ?? 0).toBe(slicedItems(record, 3));
    }
  });
});
