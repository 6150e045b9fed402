/**
 * Every number a pattern detector uses, in one place, so the investigator can see and change
 * what "many", "fast" and "just under" mean, and every finding can say which values it used.
 * Amounts are in major units (tenge, USDT), because that is how people think about limits.
 */
export interface PatternThresholds {
  // ── drop: a card that many unrelated people pay, and that forwards the money on quickly ──
  /** Fewest distinct, unrelated senders (nodes not linked to each other by phone, holder, merge…). */
  dropMinSenders: number;
  /** Least share of what it received (by amount, per currency) that must leave to its top recipients. */
  dropForwardShare: number;
  /** Longest time, in hours, money may stay on the card and still count as forwarded. */
  dropMaxHoldHours: number;
  /** Most recipients the forwarded share may be spread over ("few recipients"). */
  dropMaxRecipients: number;

  // ── collector: where several drops forward their takings, often converted to crypto next ──
  /** Fewest drops (or fan-in nodes when drop detection is off) that forward to it. */
  collectorMinDrops: number;
  /** Least share of its inflow (by amount, in that currency) that comes from those drops. */
  collectorMinDropShare: number;

  // ── pass-through: money that arrives and leaves within minutes, hop after hop ──
  /** Longest time, in minutes, between arriving at a node and leaving it, for one hop. */
  passThroughMaxMinutes: number;
  /**
   * Least share of a received payment that must leave within the window, and least share of the
   * outgoing payment made of money that arrived within it (so a nightly sweep of a day's takings
   * is not a relay of the last payment before it).
   */
  passThroughShare: number;
  /** Fewest transfers in a chain: 2 is A→B→C. */
  passThroughMinHops: number;

  // ── structuring: payments split to stay just under a reporting limit ──
  /**
   * Reporting limits per currency, in major units; check them against the law in force.
   * KZT 7 000 000: the threshold the AML law (Law 191-IV, art. 4, editions since 2021) sets for
   * cash credited to or withdrawn from an account, so top-ups and cash-outs get split under it.
   * KZT 1 000 000: the threshold of the law's earlier editions and still the round figure
   * dealers split under; it is also the total in the 2025 rule that has banks report cards paid
   * by more than 100 people within 3 months, and a common per-transfer limit in bank apps.
   * USDT 1 000: the FATF travel-rule threshold exchanges apply to withdrawals.
   * Adjust per case; add a currency to check it.
   */
  structuringLimits: Record<string, number[]>;
  /** How far under a limit counts as "just under": amounts in [limit × (1 − band), limit). */
  structuringBand: number;
  /** Fewest just-under transfers within the window, from one node or into one node. */
  structuringMinCount: number;
  /** The window, in days: a monthly salary just under a limit is not many within a week. */
  structuringWindowDays: number;

  // ── shared identifier: one phone or one IIN/BIN behind several accounts ──
  /** Fewest distinct account nodes one phone must be bound to. */
  sharedPhoneMinAccounts: number;
  /**
   * Fewest distinct account nodes held by one IIN/BIN. Two or three cards in different banks are
   * ordinary in Kazakhstan; more in one case is a sign of cards opened for someone else's use.
   */
  sharedHolderMinAccounts: number;
}

export const DEFAULT_THRESHOLDS: PatternThresholds = {
  // A personal card gets money from a handful of relatives and friends; a drop card from dozens
  // of buyers a day. Ten unrelated senders plus fast forwarding is rare on a personal card; the
  // banks' own report (100 senders in 3 months) comes too late for a card used for two weeks.
  dropMinSenders: 10,
  // Drops keep a cut (5–10 %) and spend a little; 80 % forwarded leaves room for both.
  dropForwardShare: 0.8,
  // Drops sweep daily (often at night) so the card is never seized full.
  dropMaxHoldHours: 24,
  dropMaxRecipients: 3,
  collectorMinDrops: 3,
  collectorMinDropShare: 0.5,
  // Transit accounts pass money on in minutes; an hour catches the slow ones.
  passThroughMaxMinutes: 60,
  passThroughShare: 0.9,
  passThroughMinHops: 2,
  structuringLimits: { KZT: [1_000_000, 7_000_000], USDT: [1_000] },
  structuringBand: 0.1,
  structuringMinCount: 3,
  structuringWindowDays: 7,
  sharedPhoneMinAccounts: 2,
  sharedHolderMinAccounts: 3,
};

/** The defaults with the caller's overrides; an override of `structuringLimits` replaces the whole table. */
export function resolveThresholds(overrides: Partial<PatternThresholds> = {}): PatternThresholds {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_THRESHOLDS, ...defined };
}

/** The named thresholds, for `Finding.thresholds`. */
export function pick<K extends keyof PatternThresholds>(
  t: PatternThresholds,
  keys: readonly K[],
): Pick<PatternThresholds, K> {
  const out = {} as Pick<PatternThresholds, K>;
  for (const key of keys) out[key] = t[key];
  return out;
}

export type ThresholdUnit = 'count' | 'share' | 'hours' | 'minutes' | 'days';

/** The single-number thresholds an investigator may adjust, with what their numbers mean. */
export const ADJUSTABLE_THRESHOLDS: readonly {
  key: Exclude<keyof PatternThresholds, 'structuringLimits'>;
  unit: ThresholdUnit;
}[] = [
  { key: 'dropMinSenders', unit: 'count' },
  { key: 'dropForwardShare', unit: 'share' },
  { key: 'dropMaxHoldHours', unit: 'hours' },
  { key: 'dropMaxRecipients', unit: 'count' },
  { key: 'collectorMinDrops', unit: 'count' },
  { key: 'collectorMinDropShare', unit: 'share' },
  { key: 'passThroughMaxMinutes', unit: 'minutes' },
  { key: 'passThroughShare', unit: 'share' },
  { key: 'passThroughMinHops', unit: 'count' },
  { key: 'structuringBand', unit: 'share' },
  { key: 'structuringMinCount', unit: 'count' },
  { key: 'structuringWindowDays', unit: 'days' },
  { key: 'sharedPhoneMinAccounts', unit: 'count' },
  { key: 'sharedHolderMinAccounts', unit: 'count' },
];

export class ThresholdError extends Error {
  override name = 'ThresholdError';
}

/** Checks one adjusted value: shares are 0–1, counts whole and at least 1, times positive. */
export function checkThreshold(key: string, value: number): void {
  const spec = ADJUSTABLE_THRESHOLDS.find((t) => t.key === key);
  if (!spec)
    throw new ThresholdError(
      `unknown threshold "${key}"; adjustable: ${ADJUSTABLE_THRESHOLDS.map((t) => t.key).join(', ')}, structuringLimits.<CURRENCY>`,
    );
  if (!Number.isFinite(value)) throw new ThresholdError(`${key} must be a number`);
  if (spec.unit === 'share' && (value <= 0 || value > 1))
    throw new ThresholdError(`${key} is a share: more than 0 and at most 1 (got ${value})`);
  if (spec.unit === 'count' && (!Number.isInteger(value) || value < 1))
    throw new ThresholdError(`${key} is a count: a whole number of 1 or more (got ${value})`);
  if (spec.unit !== 'share' && spec.unit !== 'count' && value <= 0)
    throw new ThresholdError(`${key} is a time: more than 0 (got ${value})`);
}

/**
 * `name=value` as the CLI takes it: `dropMinSenders=5`, `structuringLimits.KZT=1000000,7000000`
 * (a currency's limits replace the defaults for that currency only).
 */
export function parseThresholdOverrides(items: readonly string[]): Partial<PatternThresholds> {
  const out: Partial<PatternThresholds> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 1) throw new ThresholdError(`"${item}" must be NAME=VALUE`);
    const key = item.slice(0, eq).trim();
    const text = item.slice(eq + 1).trim();
    if (key.startsWith('structuringLimits.')) {
      const currency = key.slice('structuringLimits.'.length).toUpperCase();
      const limits = text.split(',').map((v) => Number(v.trim()));
      if (!currency || limits.some((v) => !Number.isFinite(v) || v <= 0))
        throw new ThresholdError(`${key} takes positive amounts separated by commas (got "${text}")`);
      out.structuringLimits = {
        ...(out.structuringLimits ?? DEFAULT_THRESHOLDS.structuringLimits),
        [currency]: limits,
      };
      continue;
    }
    const value = Number(text);
    checkThreshold(key, value);
    (out as Record<string, number>)[key] = value;
  }
  return out;
}
