import type { RowEvidence } from '../ledger/types';
import type { PatternThresholds } from './thresholds';

export type PatternKind = 'drop' | 'collector' | 'pass-through' | 'structuring' | 'shared-identifier';

export const PATTERN_KINDS: readonly PatternKind[] = [
  'drop',
  'collector',
  'pass-through',
  'structuring',
  'shared-identifier',
];

/**
 * One pattern found in the ledger, with everything an investigator needs to check it: the
 * measured numbers, the thresholds they were compared with, and the rows they come from.
 */
export interface Finding {
  kind: PatternKind;
  /** The node(s) the finding is about; the first is the main one. */
  nodes: number[];
  /**
   * 0..1, how strongly it fits: 0.5 when every measure just meets its threshold, rising to 1 as
   * the measures go well past them (see `fitScore`). Rounded to 3 decimals.
   */
  score: number;
  /** Stable code for UI translation, e.g. `drop.fan-in-fast-out`. */
  code: string;
  /** The measured numbers behind it; amounts in minor units, shares 0..1, `evidenceTotal`. */
  params: Record<string, number | string>;
  /** English prose for the CLI and logs. */
  detail: string;
  /** The rows it rests on, most telling first, capped (`params.evidenceTotal` says how many in all). */
  evidence: RowEvidence[];
  /** The thresholds this detector compared against. */
  thresholds: Partial<PatternThresholds>;
}

export interface DetectOptions {
  /**
   * Report only findings about these nodes (e.g. a trace result): the main node for drop,
   * collector, pass-through and structuring; any of the accounts for a shared identifier.
   * Measures still use the whole ledger (a collector's drops need not be in the list).
   */
  nodes?: number[];
  /** Which detectors to run; all by default. Without 'drop', collectors are fed by fan-in nodes. */
  kinds?: PatternKind[];
  /** Most evidence rows kept per finding (200). */
  evidenceCap?: number;
}
