/**
 * A cache of a pure function of text that stops paying for itself when the texts do not repeat.
 * Most banks repeat a handful of payment purposes thousands of times; some write a reference into
 * every description, and there a cache only hashes, stores and promotes to the old generation one
 * entry per row that is never read again (at 1M rows: ~1 s of lookups and a larger, slower heap).
 * So the hit rate is watched per window of texts: below 1 in 16 the cache is consulted for only
 * 1 text in 8 (enough to notice texts starting to repeat), at or above it for every text again.
 * Whatever the mode, `get` returns `compute(text)`: only the work saved changes.
 */
import { keep } from './keep';

const WINDOW = 8192;
const SAMPLE = 8;
const MIN_HITS = WINDOW / 16;

export class TextCache<V> {
  private readonly map = new Map<string, V>();
  private sampling = false;
  private seen = 0;
  private hits = 0;

  constructor(
    private readonly compute: (text: string) => V,
    private readonly limit = 100_000,
  ) {}

  get(text: string): V {
    const consult = !this.sampling || this.seen % SAMPLE === 0;
    if (++this.seen === WINDOW) this.endWindow();
    if (!consult) return this.compute(text);
    let value = this.map.get(text);
    if (value !== undefined) {
      this.hits++;
      return value;
    }
    value = this.compute(text);
    if (this.map.size >= this.limit) this.map.clear();
    // The key outlives the row it came from: a copy, not a view into the file's text (keep.ts).
    this.map.set(typeof value === 'string' && value === text ? value : keep(text), value);
    return value;
  }

  /** True while most texts bypass the cache (exposed for tests). */
  get isSampling(): boolean {
    return this.sampling;
  }

  private endWindow(): void {
    // Sampled hits stand for SAMPLE times as many.
    const hits = this.sampling ? this.hits * SAMPLE : this.hits;
    this.sampling = hits < MIN_HITS;
    if (this.sampling) this.map.clear();
    this.seen = 0;
    this.hits = 0;
  }
}
