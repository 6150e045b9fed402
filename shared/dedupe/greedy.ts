/**
 * Each row joins at most one pair per kind. Pairs are accepted best first (score, then the
 * smaller time gap, then SHA-256/sheet/row so the order never depends on input order). When a row
 * had another partner just as good, the pair is still made, so the money is not counted twice,
 * but it says so and loses its certainty instead of pretending a coin toss was a finding.
 */
import { describe, type Edge } from './edge';
import { compareRows, keyString, rowKey, type Row } from './rows';
import { AMBIGUOUS_FACTOR, clampScore } from './score';

export function compareEdges(x: Edge, y: Edge): number {
  return (
    y.score - x.score ||
    Math.abs(x.deltaMs) - Math.abs(y.deltaMs) ||
    compareRows(x.a, y.a) ||
    compareRows(x.b, y.b)
  );
}

export interface GreedyOptions {
  rowCount: number;
  margin: number;
  /** Pair keys (see pairKey) an investigator rejected. */
  rejected: ReadonlySet<string>;
  /** Row keys already in a confirmed pair of this kind. */
  locked: ReadonlySet<string>;
  /** Rows known to be the same row exported twice: a twin is not a rival partner. */
  twins?: ReadonlyMap<number, number>;
}

export function pairKey(kind: string, a: string, b: string): string {
  return a < b ? `${kind}\u0001${a}\u0001${b}` : `${kind}\u0001${b}\u0001${a}`;
}

export function resolveGreedy(edges: Edge[], o: GreedyOptions): Edge[] {
  const usable = edges.filter((e) => {
    if (o.rejected.size === 0 && o.locked.size === 0) return true;
    const ka = keyString(rowKey(e.a));
    const kb = keyString(rowKey(e.b));
    return !o.locked.has(ka) && !o.locked.has(kb) && !o.rejected.has(pairKey(e.kind, ka, kb));
  });
  usable.sort(compareEdges);
  const adjacency = new Map<number, Edge[]>();
  const link = (r: Row, e: Edge): void => {
    const list = adjacency.get(r.i);
    if (list) list.push(e);
    else adjacency.set(r.i, [e]);
  };
  for (const e of usable) {
    link(e.a, e);
    link(e.b, e);
  }

  const used = new Uint8Array(o.rowCount);
  const accepted: Edge[] = [];
  for (const e of usable) {
    if (used[e.a.i] || used[e.b.i]) continue;
    used[e.a.i] = 1;
    used[e.b.i] = 1;
    const rivals = rivalsOf(e, adjacency, used, o);
    if (rivals.length === 0) {
      accepted.push(e);
      continue;
    }
    const shown = rivals.slice(0, 3).map(describe).join('; ');
    const more = rivals.length > 3 ? ` and ${rivals.length - 3} more` : '';
    accepted.push({
      ...e,
      score: clampScore(e.score * AMBIGUOUS_FACTOR),
      strong: false,
      evidence: [
        ...e.evidence,
        {
          code: 'ambiguous',
          detail: `equally good partner(s) not chosen: ${shown}${more}; chosen by file order`,
        },
      ],
    });
  }
  return accepted;
}

/** Free rows that would have paired with e.a or e.b as well as e does. */
function rivalsOf(
  e: Edge,
  adjacency: ReadonlyMap<number, Edge[]>,
  used: Uint8Array,
  o: GreedyOptions,
): Row[] {
  const rivals: Row[] = [];
  const consider = (self: Row, partner: Row): void => {
    for (const f of adjacency.get(self.i) ?? []) {
      if (f === e || f.score < e.score - o.margin - 1e-9) continue;
      const other = f.a === self ? f.b : f.a;
      if (used[other.i] || o.twins?.get(other.i) === partner.i || rivals.includes(other)) continue;
      rivals.push(other);
    }
  };
  consider(e.a, e.b);
  consider(e.b, e.a);
  return rivals.sort(compareRows);
}
