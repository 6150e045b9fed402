import { describe, expect, it } from 'vitest';
import { findDuplicateCandidates } from './find';
import { account, almaty, CARD_A, CARD_B, CARD_C, prng, shuffle, source, tx } from './test-support';
import type { DedupeSource } from './types';

/** A small case mixing every situation: transfers, overlapping exports, repeats and ties. */
function caseFiles(): DedupeSource[] {
  const day = almaty(2024, 2, 1, 10, 0);
  const sender = (sha: string, first: number, last: number): DedupeSource =>
    source(
      sha,
      Array.from({ length: last - first + 1 }, (_, k) => {
        const i = first + k;
        return tx({
          row: 10 + i,
          bookedAt: day + i * 3_600_000,
          amountMinor: (i % 4) * 500_000 + 1_000_000,
          description: 'Перевод',
          counterparty: { card: i % 3 === 0 ? CARD_C : CARD_B },
        });
      }),
      [account({ card: CARD_A })],
    );
  const receiver = source(
    'r',
    Array.from({ length: 30 }, (_, i) =>
      tx({
        row: 5 + i,
        direction: 'in',
        bookedAt: day + i * 3_600_000 + (i % 5) * 60_000,
        amountMinor: (i % 4) * 500_000 + 1_000_000,
        counterparty: i % 2 === 0 ? { card: `${CARD_A.slice(0, 6)}******${CARD_A.slice(-4)}` } : {},
      }),
    ),
    [account({ card: CARD_B })],
  );
  const repeats = source(
    'shop',
    Array.from({ length: 12 }, (_, i) =>
      tx({ row: 50 + i, direction: 'in', bookedAt: day, amountMinor: 1_500_000 }),
    ),
  );
  return [sender('s1', 0, 20), sender('s2', 15, 35), receiver, repeats];
}

describe('determinism', () => {
  it('gives identical output for shuffled files and shuffled rows', () => {
    const files = caseFiles();
    const expected = findDuplicateCandidates(files);
    expect(expected.length).toBeGreaterThan(10);
    expect(new Set(expected.map((c) => c.kind))).toEqual(new Set(['two-sides', 'overlap']));
    const rand = prng(20240315);
    for (let round = 0; round < 20; round++) {
      const shuffled = shuffle(files, rand).map((f) => ({
        ...f,
        transactions: shuffle(f.transactions, rand),
      }));
      expect(findDuplicateCandidates(shuffled)).toEqual(expected);
    }
  });

  it('puts each row in at most one candidate per kind', () => {
    const found = findDuplicateCandidates(caseFiles());
    for (const kind of ['two-sides', 'overlap'] as const) {
      const seen = found
        .filter((c) => c.kind === kind)
        .flatMap((c) => [c.a, c.b])
        .map((k) => `${k.sha256}/${k.sheet}/${k.row}`);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('keeps scores within 0..1 and gives every candidate its evidence', () => {
    for (const c of findDuplicateCandidates(caseFiles())) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(c.evidence.map((e) => e.code)).toEqual(
        expect.arrayContaining(['same-amount', 'same-currency', 'time-delta']),
      );
    }
  });

  it('pairs identical rows of two identical exports in file order and flags the tie', () => {
    const t = almaty(2024, 3, 1, 9, 0);
    const rows = (sha: string, first: number) =>
      source(
        sha,
        [0, 1, 2].map((k) => tx({ row: first + k, bookedAt: t, description: 'Kaspi QR' })),
        [account({ card: CARD_A })],
      );
    const found = findDuplicateCandidates([rows('y', 40), rows('x', 7)]);
    // The last pair is forced once the others are made; the first two had rivals and say so.
    expect(found.map((c) => [c.a.sha256, c.a.row, c.b.row])).toEqual([
      ['x', 9, 42],
      ['x', 7, 40],
      ['x', 8, 41],
    ]);
    expect(found.map((c) => c.evidence.some((e) => e.code === 'ambiguous'))).toEqual([false, true, true]);
    expect(found[1]!.score).toBeLessThan(found[0]!.score);
  });
});
