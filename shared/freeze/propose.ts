/**
 * Proposing assets for freezing from a trace: the top freeze candidates become register entries
 * with the amount the trace found still held there (in the asset's own currency: USDT in a
 * wallet), the institution that can act, and the statement rows that brought the money in.
 * A place already in the register and still in play is not proposed twice.
 */
import type { TraceJson } from '../investigate/trace-json';
import type { AssetKind, EvidenceRow, FreezeRequest, TraceOrigin } from './types';

export interface ProposeOptions {
  top: number;
  legalBasis: string;
  existing: readonly FreezeRequest[];
  actor: string;
  at: number;
  newId: () => string;
}

export type SkipReason = 'already-registered' | 'no-institution' | 'not-an-asset';

export interface Proposal {
  proposed: FreezeRequest[];
  skipped: { key: string; reason: SkipReason }[];
}

/** Evidence rows per asset in a request: enough to check, few enough to print. */
export const EVIDENCE_PER_ASSET = 20;

export function assetKindOf(key: string): AssetKind | null {
  const kind = key.slice(0, key.indexOf(':'));
  if (kind === 'card' || kind === 'card_masked') return 'card';
  if (kind === 'iban' || kind === 'account') return 'account';
  if (kind === 'tron' || kind === 'btc' || kind === 'eth') return 'wallet';
  if (kind === 'exchange') return 'exchange-account';
  if (kind === 'phone') return 'phone';
  return null;
}

/** Statuses in which a request still stands: proposing the asset again would duplicate it. */
const ACTIVE = new Set(['proposed', 'approved', 'request-sent', 'frozen']);

export function proposalsFromTrace(
  json: TraceJson,
  origin: Omit<TraceOrigin, 'seedCurrency'>,
  options: ProposeOptions,
): Proposal {
  const taken = new Set(options.existing.filter((r) => ACTIVE.has(r.status)).map((r) => r.key));
  const reachedByKey = new Map(json.reached.map((r) => [r.key, r]));
  const proposed: FreezeRequest[] = [];
  const skipped: Proposal['skipped'] = [];
  for (const candidate of json.freezeCandidates.slice(0, options.top)) {
    const kind = assetKindOf(candidate.key);
    if (!kind) {
      skipped.push({ key: candidate.key, reason: 'not-an-asset' });
      continue;
    }
    if (!candidate.institution || candidate.institutionKind === 'none') {
      skipped.push({ key: candidate.key, reason: 'no-institution' });
      continue;
    }
    if (taken.has(candidate.key)) {
      skipped.push({ key: candidate.key, reason: 'already-registered' });
      continue;
    }
    taken.add(candidate.key);
    const evidence = evidenceInto(reachedByKey.get(candidate.key));
    proposed.push({
      id: options.newId(),
      key: candidate.key,
      kind,
      identifier: candidate.value,
      holder: candidate.holder ?? '',
      ...(candidate.holderId ? { holderId: candidate.holderId } : {}),
      institution: candidate.institution,
      institutionKind: candidate.institutionKind,
      amountMinor: candidate.nativeAmountMinor,
      currency: candidate.nativeCurrency,
      tracedMinor: candidate.nativeAmountMinor,
      amountReason: '',
      legalBasis: options.legalBasis,
      evidence,
      origin: { ...origin, seedCurrency: json.currency },
      status: 'proposed',
      history: [
        {
          status: 'proposed',
          at: options.at,
          actor: options.actor,
          details: { tracedMinor: candidate.nativeAmountMinor, currency: candidate.nativeCurrency },
        },
      ],
    });
  }
  return { proposed, skipped };
}

type Reached = TraceJson['reached'][number];

/** The rows of the last hop of each listed path: the transfers that brought the money in. */
function evidenceInto(reached: Reached | undefined): EvidenceRow[] {
  const rows = new Map<string, EvidenceRow>();
  for (const path of reached?.paths ?? []) {
    const last = path.hops[path.hops.length - 1];
    for (const e of last?.evidence ?? []) {
      const id = `${e.sha256}\u0000${e.sheet}\u0000${e.row}`;
      if (!rows.has(id)) rows.set(id, { file: e.file, sha256: e.sha256, sheet: e.sheet, row: e.row });
    }
  }
  return [...rows.values()].slice(0, EVIDENCE_PER_ASSET);
}
