import type { Row } from './rows';

/** First index whose row is at or after `t` in a time-sorted list. */
export function lowerBound(rows: readonly Row[], t: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid]?.t ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Time-sorted rows under each key; rows must be added in time order (buckets are sorted). */
export class KeyIndex {
  private readonly lists = new Map<string, Row[]>();

  add(key: string, r: Row): void {
    const list = this.lists.get(key);
    if (list) list.push(r);
    else this.lists.set(key, [r]);
  }

  /** Calls `visit` for every row under `key` with from ≤ t ≤ to (a callback: no iterator garbage). */
  within(key: string, from: number, to: number, visit: (r: Row) => void): void {
    const list = this.lists.get(key);
    if (!list) return;
    for (let k = lowerBound(list, from); k < list.length; k++) {
      const r = list[k];
      if (!r || r.t > to) return;
      visit(r);
    }
  }
}
