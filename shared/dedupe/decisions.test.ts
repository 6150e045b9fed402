import { describe, expect, it } from 'vitest';
import { applyDecisions } from './decisions';
import { findDuplicateCandidates } from './find';
import { account, almaty, CARD_A, CARD_B, source, tx } from './test-support';
import type { DuplicateCandidate, DuplicateDecision } from './types';

const t = almaty(2024, 4, 2, 11, 30);
const sender = source(
  'aaa',
  [
    tx({ row: 3, bookedAt: t, counterparty: { card: CARD_B } }),
    tx({ row: 4, bookedAt: t + 86_400_000, amountMinor: 900_000, counterparty: { card: CARD_B } }),
  ],
  [account({ card: CARD_A })],
);
const receiver = source(
  'bbb',
  [
    tx({ row: 7, direction: 'in', bookedAt: t, counterparty: { card: CARD_A } }),
    tx({
      row: 8,
      direction: 'in',
      bookedAt: t + 86_400_000,
      amountMinor: 900_000,
      counterparty: { card: CARD_A },
    }),
    tx({
      row: 9,
      direction: 'in',
      bookedAt: t + 86_460_000,
      amountMinor: 900_000,
      counterparty: { card: CARD_A },
    }),
  ],
  [account({ card: CARD_B })],
);

function decide(
  c: DuplicateCandidate,
  decision: 'confirmed' | 'rejected',
  decidedAt: number,
): DuplicateDecision {
  return { kind: c.kind, a: c.a, b: c.b, decision, decidedAt, actor: 'inspector.nurlan' };
}

describe('decisions', () => {
  const candidates = findDuplicateCandidates([sender, receiver]);
  const [first, second] = candidates;

  it('finds the fixture’s two candidates', () => {
    expect(candidates.map((c) => [c.a.row, c.b.row])).toEqual([
      [3, 7],
      [4, 8],
    ]);
  });

  it('drops decided pairs from the queue and returns confirmed links', () => {
    const applied = applyDecisions(candidates, [decide(first!, 'confirmed', 1000)]);
    expect(applied.queue).toEqual([second]);
    expect(applied.confirmed).toHaveLength(1);
    expect(applied.confirmed[0]).toMatchObject({
      kind: 'two-sides',
      a: first!.a,
      b: first!.b,
      candidate: first,
    });
    expect(applied.rejected).toEqual([]);
  });

  it('matches a decision written with a and b swapped; the latest verdict wins', () => {
    const swapped: DuplicateDecision = { ...decide(first!, 'confirmed', 1000), a: first!.b, b: first!.a };
    const later = decide(first!, 'rejected', 2000);
    const applied = applyDecisions(candidates, [later, swapped]);
    expect(applied.queue).toEqual([second]);
    expect(applied.confirmed).toEqual([]);
    expect(applied.rejected).toEqual([later]);
  });

  it('prefers rejection when two verdicts carry the same instant', () => {
    const applied = applyDecisions(candidates, [
      decide(first!, 'confirmed', 5),
      decide(first!, 'rejected', 5),
    ]);
    expect(applied.confirmed).toEqual([]);
  });

  it('keeps a confirmed link even when detection no longer proposes the pair', () => {
    const applied = applyDecisions([], [decide(first!, 'confirmed', 1000)]);
    expect(applied.confirmed).toHaveLength(1);
    expect(applied.confirmed[0]?.candidate).toBeUndefined();
  });

  it('survives re-import: the same file imported again yields the same keys and the same verdicts', () => {
    const decisions = [decide(first!, 'confirmed', 1000)];
    const reimported = {
      ...sender,
      name: 'renamed copy.xlsx',
      transactions: [...sender.transactions].reverse(),
    };
    const again = findDuplicateCandidates([receiver, reimported]);
    expect(again.map((c) => [c.a, c.b])).toEqual(candidates.map((c) => [c.a, c.b]));
    expect(applyDecisions(again, decisions).queue.map((c) => c.b.row)).toEqual([8]);
  });

  it('never proposes a rejected pair again, and offers the next-best partner instead', () => {
    const rejected = [decide(second!, 'rejected', 1000)];
    const again = findDuplicateCandidates([sender, receiver], { decisions: rejected });
    expect(again.map((c) => [c.a.row, c.b.row])).toEqual([
      [3, 7],
      [4, 9],
    ]);
  });

  it('does not re-pair rows already in a confirmed pair', () => {
    const confirmed = [decide(second!, 'confirmed', 1000)];
    const again = findDuplicateCandidates([sender, receiver], { decisions: confirmed });
    expect(again.map((c) => [c.a.row, c.b.row])).toEqual([[3, 7]]);
  });
});
