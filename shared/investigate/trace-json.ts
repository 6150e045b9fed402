/**
 * The JSON `moneytrail trace CASE --json` prints, and the Trace tab's export: a public interface.
 * Field names promised to scripts: seed, method, direction, currency, reached[{kind, value,
 * amount, nativeAmount, nativeCurrency, hops, paths}], freezeCandidates[{kind, value, amount,
 * institution, reason}], patterns. Fields may be added, never renamed or removed.
 *
 * Amounts are decimal numbers in major units (5000.5 = 5 000,50 ₸), with the exact integers
 * beside them as `…Minor`. `amount` is always in the seed's currency.
 */
import { minorToMajor } from '../case/totals';
import type { Ledger, LedgerLink, LedgerNode, RowEvidence } from '../ledger/types';
import type { Finding } from '../patterns';
import type { TracePath, TraceResult } from '../trace';
import type { FreezeCandidate } from './candidates';
import type { SeedMatch } from './seeds';

export interface NodeRef {
  kind: string;
  value: string;
  /** The place's key (`card:4400…`, `account:KZ…` as printed), stable across re-imports. */
  key: string;
  holder?: string;
  /** Holder's IIN/BIN, when a statement gives it. */
  holderId?: string;
}

export interface EvidenceJson {
  file: string;
  sha256: string;
  sheet: string;
  row: number;
}

export function nodeRef(node: LedgerNode): NodeRef {
  const ref: NodeRef = { kind: node.idKind, value: node.value, key: node.key };
  if (node.holder) ref.holder = node.holder;
  if (node.holderId) ref.holderId = node.holderId;
  return ref;
}

export function evidenceJson(ledger: Ledger, e: RowEvidence): EvidenceJson {
  return { file: ledger.files.get(e.sha256) ?? e.sha256, sha256: e.sha256, sheet: e.sheet, row: e.row };
}

export interface TraceJsonInput {
  ledger: Ledger;
  seeds: readonly SeedMatch[];
  result: TraceResult;
  paths: (node: number) => TracePath[];
  candidates: readonly FreezeCandidate[];
  patterns: readonly Finding[];
}

export function traceJson(input: TraceJsonInput) {
  const { ledger, result } = input;
  const currency = result.currency;
  const money = (minor: number, c = currency) => minorToMajor(minor, c);
  const node = (id: number) => ledger.nodes[id] as LedgerNode;
  const { seeds: _seedIds, ...parameters } = result.params;
  return {
    seed: input.seeds.flatMap((s) => s.nodes.map((id) => ({ input: s.input, ...nodeRef(node(id)) }))),
    method: result.params.method,
    direction: result.params.direction,
    currency,
    parameters,
    entered: money(result.enteredMinor),
    enteredMinor: result.enteredMinor,
    reached: result.reached.map((r) => ({
      ...nodeRef(node(r.node)),
      amount: money(r.amountMinor),
      amountMinor: r.amountMinor,
      nativeAmount: money(r.nativeMinor, r.nativeCurrency),
      nativeAmountMinor: r.nativeMinor,
      nativeCurrency: r.nativeCurrency,
      held: money(r.heldMinor),
      heldMinor: r.heldMinor,
      hops: r.hops,
      transfers: r.transfers,
      ...(r.endPoint ? { endPoint: r.endPoint } : {}),
      paths: input.paths(r.node).map((p) => ({
        amount: money(p.amountMinor),
        amountMinor: p.amountMinor,
        hops: p.hops.map((h) => ({
          from: nodeRef(node(h.from)),
          to: nodeRef(node(h.to)),
          at: new Date(h.at).toISOString(),
          amount: money(h.amountMinor),
          amountMinor: h.amountMinor,
          nativeAmount: money(h.nativeMinor, h.currency),
          nativeAmountMinor: h.nativeMinor,
          nativeCurrency: h.currency,
          evidence: h.evidence.map((e) => evidenceJson(ledger, e)),
          ...(h.via && h.via.length > 0
            ? {
                via: h.via
                  .map((v) => ledger.links[v.link])
                  .filter((l): l is LedgerLink => l !== undefined)
                  .map((l) => ({ kind: l.kind, detail: l.detail })),
              }
            : {}),
        })),
      })),
    })),
    freezeCandidates: input.candidates.map((c) => ({
      ...nodeRef(node(c.node)),
      amount: money(c.heldMinor),
      amountMinor: c.heldMinor,
      nativeAmount: money(c.nativeHeldMinor, c.nativeCurrency),
      nativeAmountMinor: c.nativeHeldMinor,
      nativeCurrency: c.nativeCurrency,
      institution: c.institution.name,
      institutionKind: c.institution.kind,
      institutionBasis: c.institution.basis,
      reason: c.reason,
    })),
    patterns: patternsJson(ledger, input.patterns),
  };
}

export type TraceJson = ReturnType<typeof traceJson>;

/** Findings as the JSON lists them (also sent on their own when the app computes them after the trace). */
export function patternsJson(ledger: Ledger, findings: readonly Finding[]) {
  return findings.map((f) => ({
    kind: f.kind,
    code: f.code,
    score: f.score,
    nodes: f.nodes.map((id) => nodeRef(ledger.nodes[id] as LedgerNode)),
    detail: f.detail,
    params: f.params,
    thresholds: f.thresholds,
    evidence: f.evidence.map((e) => evidenceJson(ledger, e)),
  }));
}
