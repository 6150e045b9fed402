import { describe, expect, it } from 'vitest';
import type { Ledger } from '../ledger/types';
import { detectPatterns } from './index';
import type { PatternKind } from './types';
import { DAY, dropDay, HOUR, kzt, LedgerBuilder, T0, usdt } from './test-support';

function scheme(options: { drops?: number; convert?: boolean; salary?: number } = {}) {
  const b = new LedgerBuilder();
  const collector = b.card({ holder: 'Collector' });
  const exchange = b.exchange('Binance UID 7');
  const drops = Array.from({ length: options.drops ?? 3 }, (_, i) => b.card({ holder: `Drop ${i + 1}` }));
  for (const day of [0, 1]) for (const drop of drops) dropDay(b, drop, collector, { day });
  if (options.salary) b.pay(b.card({ holder: 'Employer' }), collector, T0 + HOUR, kzt(options.salary));
  if (options.convert ?? true)
    for (const day of [1, 2])
      b.pay(collector, exchange, T0 + day * DAY + 4 * HOUR, kzt(800_000), {
        channel: 'p2p',
        toAmountMinor: usdt(1_600),
        toCurrency: 'USDT',
      });
  return { ledger: b.build(), collector, exchange, drops };
}

const find = (ledger: Ledger, kinds?: PatternKind[], thresholds = {}) =>
  detectPatterns(ledger, thresholds, kinds ? { kinds } : {});

describe('collector', () => {
  it('finds the card several drops sweep to, and the USDT it bought with it', () => {
    const { ledger, collector, drops } = scheme();
    const findings = find(ledger);
    const found = findings.find((f) => f.kind === 'collector');
    expect(found).toMatchObject({
      code: 'collector.from-drops.converted',
      nodes: [collector, ...drops],
      params: { currency: 'KZT', feeders: 3, feederShare: 1, conversions: 2, convertedToCurrency: 'USDT' },
      thresholds: { collectorMinDrops: 3, collectorMinDropShare: 0.5, dropMinSenders: 10 },
    });
    expect(found?.params.convertedToMinor).toBe(usdt(3_200));
    expect(found?.detail).toContain('from 3 drops: 4400 0000 0000 0002 (Drop 1)');
    expect(found?.detail).toContain('then converted 1 600 000 ₸ into 3 200 USDT');
    // The conversions come first in the evidence, then the sweeps from the drops.
    expect(found?.evidence).toHaveLength(2 + 6);
    // The drops are drops; the collector is reported once, as the collector.
    const dropNodes = findings.filter((f) => f.kind === 'drop').map((f) => f.nodes[0]);
    expect(dropNodes.sort()).toEqual([...drops].sort());
  });

  it('names a collector without a conversion too', () => {
    const { ledger } = scheme({ convert: false });
    const found = find(ledger).find((f) => f.kind === 'collector');
    expect(found?.code).toBe('collector.from-drops');
    expect(found?.params.convertedMinor).toBe(0);
    expect(found?.detail).not.toContain('converted');
  });

  it('needs enough drops, as many as the threshold says', () => {
    const { ledger } = scheme({ drops: 2 });
    expect(find(ledger, ['drop', 'collector']).filter((f) => f.kind === 'collector')).toEqual([]);
    const lowered = find(ledger, ['drop', 'collector'], { collectorMinDrops: 2 });
    expect(lowered.filter((f) => f.kind === 'collector')).toHaveLength(1);
  });

  it('needs most of its money to come from the drops', () => {
    // 1.66 M ₸ from drops against a 10 M ₸ transfer from an employer: a seventh.
    const { ledger } = scheme({ salary: 10_000_000 });
    expect(find(ledger, ['drop', 'collector']).filter((f) => f.kind === 'collector')).toEqual([]);
    expect(find(ledger, ['collector'], { collectorMinDropShare: 0.1 })).toHaveLength(1);
  });

  it('is never a shop the drops buy groceries in', () => {
    const b = new LedgerBuilder();
    const collector = b.card();
    const shop = b.shop('Magnum');
    const drops = Array.from({ length: 4 }, () => b.card());
    for (const drop of drops) {
      dropDay(b, drop, collector, { share: 0.7 });
      b.pay(drop, shop, T0 + 14 * HOUR, kzt(40_000), { channel: 'pos' });
    }
    // The shop ranks among the drops' top recipients (3 allowed), yet money is spent there.
    const collectors = find(b.build(), ['drop', 'collector']).filter((f) => f.kind === 'collector');
    expect(collectors.map((f) => f.nodes[0])).toEqual([collector]);
  });

  it('is fed by fan-in nodes when drop detection is off', () => {
    const { ledger, collector } = scheme();
    const findings = find(ledger, ['collector']);
    expect(findings.map((f) => [f.kind, f.code, f.nodes[0]])).toEqual([
      ['collector', 'collector.from-fan-in.converted', collector],
    ]);
    expect(findings[0]?.thresholds).not.toHaveProperty('dropForwardShare');
  });
});
