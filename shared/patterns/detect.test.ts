import { describe, expect, it } from 'vitest';
import { syntheticLedger } from '../ledger/synthetic';
import { compareFindings, DEFAULT_THRESHOLDS, detectPatterns, EVIDENCE_CAP } from './index';

describe('detectPatterns on the synthetic drug-shop ledger', () => {
  const ledger = syntheticLedger({ transfers: 20_000 });
  const findings = detectPatterns(ledger);
  const about = (kind: string) => new Set(findings.filter((f) => f.kind === kind).map((f) => f.nodes[0]));

  it('finds every drop as a drop and every collector as a collector', () => {
    const drops = about('drop');
    const collectors = about('collector');
    expect(ledger.roles.drops.filter((d) => !drops.has(d))).toEqual([]);
    expect(ledger.roles.collectors.filter((c) => !collectors.has(c))).toEqual([]);
    expect([...collectors].sort()).toEqual([...ledger.roles.collectors].sort());
  });

  it('flags no buyer, shop, exchange account or wallet as a drop or collector', () => {
    const innocent = new Set([...ledger.roles.buyers, ...ledger.roles.merchants, ledger.roles.exchange]);
    for (const f of findings.filter((f) => f.kind === 'drop' || f.kind === 'collector'))
      expect(innocent.has(f.nodes[0]!)).toBe(false);
    expect([...about('drop')].every((d) => ledger.roles.drops.includes(d!))).toBe(true);
  });

  it('names the rows and thresholds behind every finding', () => {
    for (const f of findings) {
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.evidence.length).toBeLessThanOrEqual(EVIDENCE_CAP);
      expect(f.params.evidenceTotal).toBeGreaterThanOrEqual(f.evidence.length);
      expect(Object.keys(f.thresholds).length).toBeGreaterThan(0);
      expect(f.score).toBeGreaterThanOrEqual(0.5);
      expect(f.score).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic and sorted by score, kind and node', () => {
    expect(JSON.stringify(detectPatterns(syntheticLedger({ transfers: 20_000 })))).toBe(
      JSON.stringify(findings),
    );
    expect([...findings].sort(compareFindings)).toEqual(findings);
    expect(findings[0]!.score).toBeGreaterThanOrEqual(findings[findings.length - 1]!.score);
  });

  it('reports only about the given nodes, still measuring them against the whole ledger', () => {
    const collector = ledger.roles.collectors[0]!;
    const drop = ledger.roles.drops[0]!;
    const some = detectPatterns(ledger, {}, { nodes: [collector, drop] });
    expect(some.filter((f) => f.kind !== 'structuring').map((f) => [f.kind, f.nodes[0]])).toEqual(
      expect.arrayContaining([
        ['collector', collector],
        ['drop', drop],
      ]),
    );
    expect(some.every((f) => f.nodes[0] === collector || f.nodes[0] === drop)).toBe(true);
    const full = findings.find((f) => f.kind === 'collector' && f.nodes[0] === collector);
    expect(some.find((f) => f.kind === 'collector')).toEqual(full);
  });

  it('reports a collector as a drop when collectors are not asked for', () => {
    const onlyDrops = detectPatterns(ledger, {}, { kinds: ['drop'] });
    expect(onlyDrops.map((f) => f.nodes[0])).toEqual(expect.arrayContaining(ledger.roles.collectors));
  });

  it('starts from the defaults and takes overrides', () => {
    expect(DEFAULT_THRESHOLDS.structuringLimits).toEqual({ KZT: [1_000_000, 7_000_000], USDT: [1_000] });
    const strict = detectPatterns(ledger, { dropMinSenders: 100_000 }, { kinds: ['drop'] });
    expect(strict).toEqual([]);
  });
});
