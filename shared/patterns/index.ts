/**
 * Pattern detection over the ledger: drops, collectors, pass-through chains, structuring and
 * shared identifiers, each finding with the numbers it measured, the thresholds it compared them
 * with, and the rows it rests on. Pure, deterministic and synchronous; linear in the ledger
 * (plus sorting), so it runs on a whole case, or on a trace result via `options.nodes`.
 */
import type { Ledger } from '../ledger/types';
import { collectorMeasures, detectCollectors } from './collector';
import { createContext } from './context';
import { EVIDENCE_CAP } from './describe';
import { detectDrops } from './drop';
import { detectPassThrough } from './pass-through';
import { detectSharedIdentifiers } from './shared-identifier';
import { detectStructuring } from './structuring';
import { resolveThresholds, type PatternThresholds } from './thresholds';
import { PATTERN_KINDS, type DetectOptions, type Finding } from './types';

export {
  ADJUSTABLE_THRESHOLDS,
  checkThreshold,
  DEFAULT_THRESHOLDS,
  parseThresholdOverrides,
  ThresholdError,
  type PatternThresholds,
  type ThresholdUnit,
} from './thresholds';
export { PATTERN_KINDS, type DetectOptions, type Finding, type PatternKind } from './types';
export { EVIDENCE_CAP } from './describe';

export function detectPatterns(
  ledger: Ledger,
  thresholds: Partial<PatternThresholds> = {},
  options: DetectOptions = {},
): Finding[] {
  const t = resolveThresholds(thresholds);
  const kinds = new Set(options.kinds ?? PATTERN_KINDS);
  const ctx = createContext(ledger, t, options.nodes, options.evidenceCap ?? EVIDENCE_CAP);
  const findings: Finding[] = [];
  if (kinds.has('drop')) {
    // A collector forwards like a drop one level up; when collectors are reported, it is one.
    const asCollector = kinds.has('collector')
      ? new Set(collectorMeasures(ctx, 'drops').keys())
      : new Set<number>();
    findings.push(...detectDrops(ctx, asCollector));
  }
  if (kinds.has('collector')) findings.push(...detectCollectors(ctx, kinds.has('drop') ? 'drops' : 'fan-in'));
  if (kinds.has('pass-through')) findings.push(...detectPassThrough(ctx));
  if (kinds.has('structuring')) findings.push(...detectStructuring(ctx));
  if (kinds.has('shared-identifier')) findings.push(...detectSharedIdentifiers(ctx));
  return findings.sort(compareFindings);
}

/** Score (highest first), then kind in `PATTERN_KINDS` order, then main node, then code and text. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    b.score - a.score ||
    PATTERN_KINDS.indexOf(a.kind) - PATTERN_KINDS.indexOf(b.kind) ||
    (a.nodes[0] ?? -1) - (b.nodes[0] ?? -1) ||
    compareText(a.code, b.code) ||
    compareText(a.detail, b.detail)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
