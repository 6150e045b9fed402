/**
 * Investigators' verdicts on candidates. A decision names its rows by SHA-256, sheet and row,
 * which the same file always imports to, so re-importing a file (or re-running detection with
 * other thresholds) finds the verdict again instead of asking twice.
 */
import { pairKey } from './greedy';
import { keyString } from './rows';
import type { ConfirmedLink, DuplicateCandidate, DuplicateDecision, DuplicateKind, RowKey } from './types';

export function decisionKey(kind: DuplicateKind, a: RowKey, b: RowKey): string {
  // Unordered: a verdict on (a, b) is a verdict on (b, a).
  return pairKey(kind, keyString(a), keyString(b));
}

/**
 * The verdict in force for each pair: the latest one; at the same instant a rejection wins,
 * because wrongly keeping two rows apart is recoverable and wrongly merging them is not.
 */
export function latestDecisions(decisions: readonly DuplicateDecision[]): Map<string, DuplicateDecision> {
  const latest = new Map<string, DuplicateDecision>();
  for (const d of decisions) {
    const key = decisionKey(d.kind, d.a, d.b);
    const prev = latest.get(key);
    if (
      !prev ||
      d.decidedAt > prev.decidedAt ||
      (d.decidedAt === prev.decidedAt && d.decision === 'rejected' && prev.decision === 'confirmed') ||
      (d.decidedAt === prev.decidedAt && d.decision === prev.decision && d.actor < prev.actor)
    )
      latest.set(key, d);
  }
  return latest;
}

export interface AppliedDecisions {
  /** Candidates nobody has decided on yet, in the order given. */
  queue: DuplicateCandidate[];
  /**
   * Every pair whose verdict in force is "confirmed", whether or not detection still proposes it:
   * a confirmed link is the investigator's finding and does not vanish when thresholds change.
   */
  confirmed: ConfirmedLink[];
  /** Pairs whose verdict in force is "rejected". */
  rejected: DuplicateDecision[];
}

export function applyDecisions(
  candidates: readonly DuplicateCandidate[],
  decisions: readonly DuplicateDecision[],
): AppliedDecisions {
  const latest = latestDecisions(decisions);
  const byKey = new Map<string, DuplicateCandidate>();
  for (const c of candidates) byKey.set(decisionKey(c.kind, c.a, c.b), c);
  const queue = candidates.filter((c) => !latest.has(decisionKey(c.kind, c.a, c.b)));
  const confirmed: ConfirmedLink[] = [];
  const rejected: DuplicateDecision[] = [];
  for (const [key, d] of [...latest].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (d.decision === 'rejected') {
      rejected.push(d);
      continue;
    }
    const link: ConfirmedLink = { kind: d.kind, a: d.a, b: d.b, decision: d };
    const candidate = byKey.get(key);
    if (candidate) link.candidate = candidate;
    confirmed.push(link);
  }
  return { queue, confirmed, rejected };
}
