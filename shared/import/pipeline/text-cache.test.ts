import { describe, expect, it } from 'vitest';
import { TextCache } from './text-cache';

function counting(): { cache: TextCache<string>; calls: () => number } {
  let calls = 0;
  const cache = new TextCache((text: string) => {
    calls++;
    return `<${text}>`;
  });
  return { cache, calls: () => calls };
}

describe('TextCache', () => {
  it('computes repeated texts once while they repeat', () => {
    const { cache, calls } = counting();
    for (let i = 0; i < 50_000; i++) expect(cache.get(`purpose ${i % 10}`)).toBe(`<purpose ${i % 10}>`);
    expect(calls()).toBe(10);
    expect(cache.isSampling).toBe(false);
  });

  it('stops consulting the map for texts that never repeat, and still returns every value', () => {
    const { cache, calls } = counting();
    for (let i = 0; i < 50_000; i++) expect(cache.get(`reference ${i}`)).toBe(`<reference ${i}>`);
    expect(calls()).toBe(50_000);
    expect(cache.isSampling).toBe(true);
  });

  it('goes back to caching when texts start repeating after a unique stretch', () => {
    const { cache, calls } = counting();
    for (let i = 0; i < 20_000; i++) cache.get(`reference ${i}`);
    expect(cache.isSampling).toBe(true);
    const before = calls();
    for (let i = 0; i < 40_000; i++) expect(cache.get(`purpose ${i % 10}`)).toBe(`<purpose ${i % 10}>`);
    expect(cache.isSampling).toBe(false);
    // Only the sampled texts of the first window and the first sightings afterwards are computed.
    expect(calls() - before).toBeLessThan(9_000);
  });

  it('returns the same as no cache on a mixed stream', () => {
    const { cache } = counting();
    let seed = 1;
    for (let i = 0; i < 100_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const text = seed % 3 === 0 ? `purpose ${seed % 50}` : `reference ${seed}`;
      expect(cache.get(text)).toBe(`<${text}>`);
    }
  });
});
