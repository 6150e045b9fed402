/**
 * The numbers a supervisor asks for: how much is sought, requested and actually frozen, per
 * institution and per status, each currency apart (tenge for banks, USDT for crypto). For a frozen
 * request the amount is what the institution reported frozen, not what was sought; a released
 * one no longer counts as frozen.
 */
import type { FreezeRequest, FreezeStatus } from './types';

export type AmountsByCurrency = Record<string, number>;

export interface FreezeTotals {
  byStatus: Record<FreezeStatus, { count: number; amounts: AmountsByCurrency }>;
  byInstitution: {
    institution: string;
    count: number;
    sought: AmountsByCurrency;
    frozen: AmountsByCurrency;
  }[];
  /** Sought across every request not refused or released. */
  sought: AmountsByCurrency;
  /** Frozen now (frozen and not released), as the institutions reported. */
  frozen: AmountsByCurrency;
}

const STATUSES: FreezeStatus[] = ['proposed', 'approved', 'request-sent', 'frozen', 'refused', 'released'];

function add(into: AmountsByCurrency, currency: string, minor: number) {
  into[currency] = (into[currency] ?? 0) + minor;
}

/** The amount a request stands for in its current status. */
export function statusAmountMinor(r: FreezeRequest): number {
  return r.status === 'frozen' || r.status === 'released' ? (r.frozen?.amountMinor ?? 0) : r.amountMinor;
}

export function freezeTotals(requests: readonly FreezeRequest[]): FreezeTotals {
  const byStatus = Object.fromEntries(
    STATUSES.map((s) => [s, { count: 0, amounts: {} }]),
  ) as FreezeTotals['byStatus'];
  const institutions = new Map<string, FreezeTotals['byInstitution'][number]>();
  const sought: AmountsByCurrency = {};
  const frozen: AmountsByCurrency = {};
  for (const r of requests) {
    const slot = byStatus[r.status];
    slot.count += 1;
    add(slot.amounts, r.currency, statusAmountMinor(r));
    let inst = institutions.get(r.institution);
    if (!inst) {
      inst = { institution: r.institution, count: 0, sought: {}, frozen: {} };
      institutions.set(r.institution, inst);
    }
    inst.count += 1;
    if (r.status !== 'refused' && r.status !== 'released') {
      add(inst.sought, r.currency, r.amountMinor);
      add(sought, r.currency, r.amountMinor);
    }
    if (r.status === 'frozen') {
      add(inst.frozen, r.currency, r.frozen?.amountMinor ?? 0);
      add(frozen, r.currency, r.frozen?.amountMinor ?? 0);
    }
  }
  const byInstitution = [...institutions.values()].sort(
    (a, b) => b.count - a.count || a.institution.localeCompare(b.institution),
  );
  return { byStatus, byInstitution, sought, frozen };
}
