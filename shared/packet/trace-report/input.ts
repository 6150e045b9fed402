/**
 * What the trace report shows, taken out of a trace run once (model.ts): the seeds and
 * parameters, the ranked places, each asset's biggest paths down to statement rows, and the flow
 * picture, with the assets marked in it.
 */
import { displayIdentifier } from '../../format/identifier';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../identifiers/types';
import { findSeeds } from '../../investigate/seeds';
import { flowPicture } from '../../investigate/flow-picture';
import type { TraceAnswer, TraceRequest } from '../../investigate/run';
import type { Ledger, LedgerNode } from '../../ledger/types';
import { explain } from '../../trace';
import type { CaseFacts, EvidenceRow, FreezeEntry } from '../types';
import type { ReportAsset, ReportPlace, TraceReportInput } from './model';

export type * from './model';

export interface ReportAssetRef {
  node: number;
  entry?: FreezeEntry;
}

export interface TraceReportOptions {
  case: CaseFacts;
  /** App and engine version, printed so the run can be repeated with the same code. */
  engine: string;
  /** Places in the ranked table (default 20). */
  top?: number;
  /** Paths listed per asset (default 5). */
  pathsPerAsset?: number;
}

/** How far "N more paths" is counted before it becomes "more than N". */
const COUNT_PATHS = 200;

export function showIdentifier(kind: string, value: string): string {
  if (kind === 'tron' || kind === 'btc' || kind === 'eth') return value;
  return (IDENTIFIER_KINDS as readonly string[]).includes(kind)
    ? displayIdentifier(kind as IdentifierKind, value)
    : value;
}

/** The freeze register names assets as written; the ledger node is found the way seeds are. */
export function assetRefs(ledger: Ledger, entries: readonly FreezeEntry[]): ReportAssetRef[] {
  return entries.flatMap((entry) => {
    const node =
      (entry.key !== undefined ? ledger.nodeByKey.get(entry.key) : undefined) ??
      findSeeds(ledger, [entry.identifier])[0]?.nodes[0];
    return node === undefined ? [] : [{ node, entry }];
  });
}

export function traceReportInput(
  answer: TraceAnswer,
  request: TraceRequest,
  assets: readonly ReportAssetRef[],
  options: TraceReportOptions,
): TraceReportInput {
  const { ledger, result } = answer;
  const institutions = new Map(answer.candidates.map((c) => [c.node, c.institution.name]));
  const place = (id: number): ReportPlace => {
    const n = ledger.nodes[id] as LedgerNode;
    return {
      kind: n.idKind,
      identifier: showIdentifier(n.idKind, n.value),
      holder: n.holder ?? '',
      institution: institutions.get(id) ?? n.institution ?? '',
    };
  };
  const rowOf = (e: { sha256: string; sheet: string; row: number }): EvidenceRow => ({
    file: ledger.files.get(e.sha256) ?? e.sha256,
    sha256: e.sha256,
    sheet: e.sheet,
    row: e.row,
  });
  const reachedBy = new Map(result.reached.map((r) => [r.node, r]));
  const cap = options.pathsPerAsset ?? 5;

  const assetOut = assets.map(({ node, entry }): ReportAsset => {
    const r = reachedBy.get(node);
    const all = r ? explain(ledger, result, node, { maxPaths: Math.max(cap, COUNT_PATHS) }) : [];
    const listed = all.filter((p) => p.kind !== 'remainder');
    const remainder = all.find((p) => p.kind === 'remainder');
    const shown = listed.slice(0, cap);
    const paths = shown.map((p) => ({
      amountMinor: p.amountMinor,
      kind: p.kind === 'entry' ? ('entry' as const) : ('trail' as const),
      hops: p.hops.map((h) => ({
        at: h.at,
        from: place(h.from),
        to: place(h.to),
        amountMinor: h.amountMinor,
        nativeMinor: h.nativeMinor,
        nativeCurrency: h.currency,
        evidence: h.evidence.map(rowOf),
      })),
    }));
    return {
      place: entry
        ? {
            kind: entry.kind,
            identifier: entry.identifier,
            holder: entry.holder,
            institution: entry.institution,
          }
        : place(node),
      ...(entry ? { freeze: { amountMinor: entry.amountMinor, currency: entry.currency } } : {}),
      reached: r !== undefined,
      amountMinor: r?.amountMinor ?? 0,
      heldMinor: r?.heldMinor ?? 0,
      hops: r?.hops ?? 0,
      paths,
      morePaths: listed.length - shown.length,
      morePathsAtLeast: remainder !== undefined && listed.length >= COUNT_PATHS,
      moreMinor: (r?.amountMinor ?? 0) - shown.reduce((n, p) => n + p.amountMinor, 0),
    };
  });

  const others = result.reached.filter((r) => !r.seed);
  const ranked = others.slice(0, options.top ?? 20).map((r, i) => ({
    rank: i + 1,
    place: place(r.node),
    amountMinor: r.amountMinor,
    nativeMinor: r.nativeMinor,
    nativeCurrency: r.nativeCurrency,
    hops: r.hops,
    heldMinor: r.heldMinor,
    ...(r.endPoint ? { endPoint: r.endPoint } : {}),
  }));

  const assetNodes = new Set(assets.map((a) => a.node));
  const picture = flowPicture(
    ledger,
    result,
    (node, maxPaths) => explain(ledger, result, node, { maxPaths }),
    {
      perHop: 5,
      maxPaths: 1000,
    },
  );
  const p = result.params;
  return {
    case: { ...options.case },
    engine: options.engine,
    seeds: answer.seeds.map((s) => ({ typed: s.input, resolved: s.nodes.map(place) })),
    direction: p.direction,
    method: p.method,
    currency: result.currency,
    parameters: {
      maxHops: p.maxHops,
      minAmountMinor: p.minAmountMinor,
      ...(request.since !== undefined ? { since: request.since } : {}),
      ...(request.until !== undefined ? { until: request.until } : {}),
      stopAt: p.stopAt.map(place),
      continueThrough: p.continueThrough.map(place),
    },
    totals: {
      enteredMinor: result.enteredMinor,
      heldMinor: result.heldMinor,
      endedMinor: result.endedMinor,
      droppedMinor: result.droppedMinor,
      droppedTransfers: result.droppedTransfers,
      trailTransfers: result.trailTransfers,
      atMaxHopsMinor: result.atMaxHopsMinor,
      otherCurrencyMinor: { ...result.otherCurrencyMinor },
      conserves: result.conserves,
      ...(result.note ? { note: result.note } : {}),
    },
    ranked,
    reachedPlaces: others.length,
    assets: assetOut,
    flow: {
      currency: picture.currency,
      bands: picture.bands,
      boxes: picture.boxes.map((b) => ({
        ...b,
        label: b.kind === 'others' ? '' : showIdentifier(b.kind, b.value),
        asset: assetNodes.has(b.id),
      })),
    },
  };
}

/** The hops behind each asset, as evidence.ts lists them in claims.csv. */
export function traceClaims(input: TraceReportInput): { asset: string; rows: EvidenceRow[] }[] {
  return input.assets.map((a) => ({
    asset: a.place.identifier,
    rows: a.paths.flatMap((p) => p.hops.flatMap((h) => h.evidence)),
  }));
}
