import { describe, expect, it } from 'vitest';
import { detectPatterns } from './index';
import { DAY, dropDay, HOUR, kzt, LedgerBuilder, T0 } from './test-support';

const drops = (ledger: ReturnType<LedgerBuilder['build']>, thresholds = {}, options = {}) =>
  detectPatterns(ledger, thresholds, { kinds: ['drop'], ...options });

describe('drop', () => {
  it('finds a card many unrelated buyers pay that forwards the takings the same night', () => {
    const b = new LedgerBuilder();
    const collector = b.card({ holder: 'Collector' });
    const drop = b.card({ holder: 'Drop' });
    dropDay(b, drop, collector, { senders: 15 });
    const [finding, ...rest] = drops(b.build());
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'drop',
      code: 'drop.fan-in-fast-out',
      nodes: [drop, collector],
      params: { currency: 'KZT', payments: 15, senders: 15, unrelatedSenders: 15, recipients: 1 },
      thresholds: { dropMinSenders: 10, dropForwardShare: 0.8, dropMaxHoldHours: 24, dropMaxRecipients: 3 },
    });
    expect(finding!.params.forwardedShare).toBeCloseTo(0.92, 2);
    // The sweep first, then the payments it forwarded; every row is named.
    expect(finding!.evidence[0]).toEqual({ sha256: 'test', sheet: 'Sheet1', row: 17 });
    expect(finding!.evidence).toHaveLength(16);
    expect(finding!.params.evidenceTotal).toBe(16);
    expect(finding!.detail).toMatch(
      /^4400 0000 0000 0002 \(Drop\) received 15 payments \(300 000 ₸\) from 15 unrelated senders; 92% left within 24 h \(median .+\) to 1 recipient: 4400 0000 0000 0001 \(Collector\)$/,
    );
    expect(finding!.score).toBeGreaterThan(0.5);
    expect(finding!.score).toBeLessThanOrEqual(1);
  });

  it('does not call a busy grocery account a drop: it has many payers but keeps the money', () => {
    const b = new LedgerBuilder();
    const grocery = b.card({ holder: 'IP Grocery' });
    const supplier = b.card();
    for (let i = 0; i < 60; i++) b.pay(b.card(), grocery, T0 + i * 10 * 60_000, kzt(3_500));
    b.pay(grocery, supplier, T0 + 12 * HOUR, kzt(40_000)); // a fifth of the day's takings
    expect(drops(b.build())).toEqual([]);
  });

  it('counts linked senders once: cards of one holder or bound to one phone are one sender', () => {
    const b = new LedgerBuilder();
    const collector = b.card();
    const drop = b.card();
    const sameHolder = Array.from({ length: 15 }, () => b.card({ holderId: '900101300111' }));
    dropDay(b, drop, collector, { buyers: sameHolder });
    expect(drops(b.build())).toEqual([]);

    const c = new LedgerBuilder();
    const collector2 = c.card();
    const drop2 = c.card();
    const buyers = dropDay(c, drop2, collector2, { senders: 12 });
    // Six of the twelve cards are bound to one phone: 7 unrelated senders, under 10.
    buyers
      .slice(0, 6)
      .forEach((buyer, i) => c.link('phone-binding', 'phone:+77010000001', c.key(buyer), i + 2));
    expect(drops(c.build())).toEqual([]);
    const [lowered] = drops(c.build(), { dropMinSenders: 7 });
    expect(lowered?.params).toMatchObject({ senders: 12, unrelatedSenders: 7 });
    expect(lowered?.detail).toContain('from 12 senders (7 unrelated)');
  });

  it('needs the money to leave within the hold limit', () => {
    const b = new LedgerBuilder();
    const collector = b.card();
    const drop = b.card();
    const buyers = Array.from({ length: 15 }, () => b.card());
    buyers.forEach((buyer, i) => b.pay(buyer, drop, T0 + i * HOUR, kzt(20_000)));
    b.pay(drop, collector, T0 + 3 * DAY, kzt(280_000)); // three days later
    const ledger = b.build();
    expect(drops(ledger)).toEqual([]);
    const [slow] = drops(ledger, { dropMaxHoldHours: 96 });
    expect(slow?.thresholds.dropMaxHoldHours).toBe(96);
    expect(slow?.params.medianHoldHours).toBeGreaterThan(24);
  });

  it('needs few recipients: money spread over many cards is not a drop sweep', () => {
    const b = new LedgerBuilder();
    const drop = b.card();
    const recipients = Array.from({ length: 6 }, () => b.card());
    const buyers = Array.from({ length: 15 }, () => b.card());
    buyers.forEach((buyer, i) => b.pay(buyer, drop, T0 + i * 30 * 60_000, kzt(20_000)));
    recipients.forEach((r, i) => b.pay(drop, r, T0 + 10 * HOUR + i * 60_000, kzt(45_000)));
    const ledger = b.build();
    expect(drops(ledger)).toEqual([]);
    expect(drops(ledger, { dropMaxRecipients: 6 })[0]?.params.recipients).toBe(6);
  });

  it('follows its thresholds: more senders required, or a larger share forwarded, and it is gone', () => {
    const b = new LedgerBuilder();
    const collector = b.card();
    const drop = b.card();
    dropDay(b, drop, collector, { senders: 15, share: 0.85 });
    const ledger = b.build();
    expect(drops(ledger)).toHaveLength(1);
    expect(drops(ledger, { dropMinSenders: 16 })).toEqual([]);
    expect(drops(ledger, { dropForwardShare: 0.9 })).toEqual([]);
  });

  it('caps the evidence and says how many rows there are', () => {
    const b = new LedgerBuilder();
    const collector = b.card();
    const drop = b.card();
    dropDay(b, drop, collector, { senders: 30 });
    const [finding] = drops(b.build(), {}, { evidenceCap: 5 });
    expect(finding?.evidence).toHaveLength(5);
    expect(finding?.params.evidenceTotal).toBe(31);
  });
});
