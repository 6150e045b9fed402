/**
 * The trace report's content as plain data (no ledger, no Maps): it can cross a worker or IPC
 * boundary, be stored with the packet, and be drawn in either language. Every figure keeps its
 * minor units and currency; turning them into text is the drawing's job.
 */
import type { FlowBox, FlowPicture } from '../../investigate/flow-picture';
import type { TraceDirection, TraceMethod, TraceResult } from '../../trace';
import type { CaseFacts, EvidenceRow } from '../types';

export interface ReportPlace {
  kind: string;
  /** Written out in full (a court needs the whole wallet address), grouped for reading. */
  identifier: string;
  holder: string;
  institution: string;
}

export interface ReportHop {
  /** UTC ms. */
  at: number;
  from: ReportPlace;
  to: ReportPlace;
  /** The path's money on this hop, seed currency; and as it left `from`. */
  amountMinor: number;
  nativeMinor: number;
  nativeCurrency: string;
  evidence: EvidenceRow[];
}

export interface ReportPath {
  amountMinor: number;
  /** 'entry': the seed money paid into the asset itself when the asset is a seed. */
  kind: 'trail' | 'entry';
  hops: ReportHop[];
}

export interface ReportAsset {
  place: ReportPlace;
  /** The freeze register's figure, when the asset came from it. */
  freeze?: { amountMinor: number; currency: string };
  reached: boolean;
  amountMinor: number;
  heldMinor: number;
  hops: number;
  paths: ReportPath[];
  /** Paths not listed and their money; `morePathsAtLeast` when even the count was cut short. */
  morePaths: number;
  morePathsAtLeast: boolean;
  moreMinor: number;
}

export interface ReportRank {
  rank: number;
  place: ReportPlace;
  amountMinor: number;
  nativeMinor: number;
  nativeCurrency: string;
  hops: number;
  heldMinor: number;
  endPoint?: string;
}

export interface ReportFlowBox extends FlowBox {
  label: string;
  asset: boolean;
}

export interface TraceReportInput {
  case: CaseFacts;
  engine: string;
  seeds: { typed: string; resolved: ReportPlace[] }[];
  direction: TraceDirection;
  method: TraceMethod;
  currency: string;
  parameters: {
    maxHops: number;
    minAmountMinor: number;
    since?: number;
    until?: number;
    stopAt: ReportPlace[];
    continueThrough: ReportPlace[];
  };
  totals: Pick<
    TraceResult,
    | 'enteredMinor'
    | 'heldMinor'
    | 'endedMinor'
    | 'droppedMinor'
    | 'droppedTransfers'
    | 'trailTransfers'
    | 'atMaxHopsMinor'
    | 'otherCurrencyMinor'
    | 'conserves'
  > & { note?: string };
  ranked: ReportRank[];
  /** Reached places besides the seeds, of which `ranked` lists the first. */
  reachedPlaces: number;
  assets: ReportAsset[];
  flow: Omit<FlowPicture, 'boxes'> & { boxes: ReportFlowBox[] };
}
