/**
 * Candidate duplicates across imported statements, for an investigator to confirm or reject.
 * Nothing is merged here: both rows stay evidence, a confirmed link only stops double counting.
 * Rows of one file are never paired with each other: a shop's buyers really do pay the same
 * price ten times a day, and a statement does not list a row twice.
 */
import type { Edge } from './edge';
import { describe } from './edge';
import { resolveGreedy } from './greedy';
import { IdentityCache } from './identity';
import { overlapEdges, sourcePeriod } from './overlap';
import { buckets, compareKeys, flatten, keyString, rowKey, type Row } from './rows';
import { latestDecisions } from './decisions';
import { DEFAULTS } from './score';
import { twoSidesEdges } from './two-sides';
import type { DedupeOptions, DedupeSource, DuplicateCandidate, DuplicateKind } from './types';

export function findDuplicateCandidates(
  sources: readonly DedupeSource[],
  options: DedupeOptions = {},
): DuplicateCandidate[] {
  const o = { ...DEFAULTS, ...withoutUndefined(options) };
  const { rows, sources: unique } = flatten(sources);
  const periods = unique.map(sourcePeriod);
  const cache = new IdentityCache();

  const overlapCandidates: Edge[] = [];
  const twoSideCandidates: Edge[] = [];
  for (const bucket of buckets(rows)) {
    overlapEdges(bucket, periods, cache, o, overlapCandidates);
    twoSidesEdges(bucket, cache, o, twoSideCandidates);
  }

  const decided = decisionSets(options);
  const overlaps = resolveGreedy(overlapCandidates, {
    rowCount: rows.length,
    margin: o.ambiguityMargin,
    ...decided('overlap'),
  });
  // Overlap first: a row exported twice is not a rival partner for the other side of a transfer.
  const twins = new Map<number, number>();
  for (const e of overlaps) {
    twins.set(e.a.i, e.b.i);
    twins.set(e.b.i, e.a.i);
  }
  const twoSides = resolveGreedy(twoSideCandidates, {
    rowCount: rows.length,
    margin: o.ambiguityMargin,
    twins,
    ...decided('two-sides'),
  }).map((e) => withTwinEvidence(e, twins, rows));

  return [...twoSides, ...overlaps].map(toCandidate).sort(compareCandidates);
}

function withoutUndefined(options: DedupeOptions): Partial<typeof DEFAULTS> {
  const out: Partial<Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(options)) if (v !== undefined && k !== 'decisions') out[k] = v;
  return out as Partial<typeof DEFAULTS>;
}

function decisionSets(
  options: DedupeOptions,
): (kind: DuplicateKind) => { rejected: Set<string>; locked: Set<string> } {
  const latest = latestDecisions(options.decisions ?? []);
  return (kind: DuplicateKind): { rejected: Set<string>; locked: Set<string> } => {
    const rejected = new Set<string>();
    const locked = new Set<string>();
    for (const [key, d] of latest) {
      if (d.kind !== kind) continue;
      if (d.decision === 'rejected') rejected.add(key);
      else {
        locked.add(keyString(d.a));
        locked.add(keyString(d.b));
      }
    }
    return { rejected, locked };
  };
}

function withTwinEvidence(e: Edge, twins: ReadonlyMap<number, number>, rows: readonly Row[]): Edge {
  const notes = [e.a, e.b].flatMap((r) => {
    const twin = twins.get(r.i);
    const other = twin === undefined ? undefined : rows[twin];
    if (!other) return [];
    return [
      { code: 'overlap-twin' as const, detail: `${describe(r)} is also exported as ${describe(other)}` },
    ];
  });
  return notes.length === 0 ? e : { ...e, evidence: [...e.evidence, ...notes] };
}

function toCandidate(e: Edge): DuplicateCandidate {
  return {
    kind: e.kind,
    a: rowKey(e.a),
    b: rowKey(e.b),
    score: e.score,
    strong: e.strong,
    deltaMinutes: Math.round(e.deltaMs / 60_000),
    evidence: e.evidence,
  };
}

function compareCandidates(x: DuplicateCandidate, y: DuplicateCandidate): number {
  return (
    y.score - x.score ||
    (x.kind === y.kind ? 0 : x.kind === 'two-sides' ? -1 : 1) ||
    compareKeys(x.a, y.a) ||
    compareKeys(x.b, y.b)
  );
}
