/**
 * The small vocabulary findings are written in: node names, money, shares, durations, the
 * evidence list and the score. English prose with the investigator's number format (`1 240`,
 * `1 234 567 ₸`), the same in the CLI and the logs.
 */
import { displayIdentifier } from '../format/identifier';
import { formatCount, formatMoney } from '../format/money';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../identifiers/types';
import type { Ledger, RowEvidence } from '../ledger/types';
import type { Columns } from './columns';

export const EVIDENCE_CAP = 200;

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** `4400 4300 1234 5678 (Aidos K.)`, `Binance UID 1001`. */
export function nodeLabel(ledger: Ledger, id: number): string {
  const node = ledger.nodes[id];
  if (!node) return `node ${id}`;
  const known = (IDENTIFIER_KINDS as readonly string[]).includes(node.idKind);
  const name = known ? displayIdentifier(node.idKind as IdentifierKind, node.value) : node.value;
  return node.holder ? `${name} (${node.holder})` : name;
}

/** `1 234 567 ₸`, `1 234 567,89 ₸`, `708 699,47 USDT`: without trailing zero decimals. */
export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency, 'ru')
    .replace(/(,\d*?)0+(?=\u00a0|$)/, '$1')
    .replace(/,(?=\u00a0|$)/, '')
    .replace(/\u00a0/g, ' ');
}

export function count(n: number): string {
  return formatCount(n, 'ru').replace(/\u00a0/g, ' ');
}

/** Rounded down, so a share just under a threshold never reads as the threshold. */
export function percent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}

/** `45 min`, `2.5 h`, `14 h`. */
export function duration(ms: number): string {
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  const hours = ms / HOUR;
  return hours < 10 ? `${Math.round(hours * 10) / 10} h` : `${Math.round(hours)} h`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function clamp01(x: number): number {
  return x <= 0 || Number.isNaN(x) ? 0 : x >= 1 ? 1 : x;
}

/** How far past its threshold a measure is: 0 at `at`, 1 at `full` and beyond. */
export function beyond(measured: number, at: number, full: number): number {
  if (full === at) return measured >= at ? 1 : 0;
  return clamp01((measured - at) / (full - at));
}

/** 0.5 when every measure just meets its threshold, 1 when all are well past (factors 0..1). */
export function fitScore(factors: readonly number[]): number {
  const mean = factors.reduce((sum, f) => sum + clamp01(f), 0) / Math.max(1, factors.length);
  return Math.round((0.5 + 0.5 * mean) * 1000) / 1000;
}

/** The weighted median of `values` (weights ≥ 0): the value where half the weight is reached. */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const total = weights.reduce((sum, w) => sum + w, 0);
  let seen = 0;
  for (const i of order) {
    seen += weights[i] as number;
    if (seen * 2 >= total) return values[i] as number;
  }
  return 0;
}

/**
 * The rows behind a finding: the transfers' rows in the order given (most telling first), then
 * any extra rows (links); the first `cap` are kept, duplicates once. `total` counts every row of
 * those transfers (a statement row records one transfer, so the count is exact in practice)
 * without reading them, which matters for a drop with a million payments.
 */
export function collectEvidence(
  ctx: { ledger: Ledger; cols: Columns; evidenceCap: number },
  transferIds: Iterable<number>,
  extra: readonly RowEvidence[] = [],
): { evidence: RowEvidence[]; total: number } {
  const seen = new Set<string>();
  const evidence: RowEvidence[] = [];
  let total = 0;
  const add = (row: RowEvidence): boolean => {
    const key = `${row.sha256}\u0000${row.sheet}\u0000${row.row}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (evidence.length < ctx.evidenceCap) evidence.push(row);
    return true;
  };
  for (const id of transferIds) {
    total += ctx.cols.rows[id] ?? 0;
    if (evidence.length >= ctx.evidenceCap) continue;
    for (const row of ctx.ledger.transfers[id]?.evidence ?? []) if (!add(row)) total--;
  }
  for (const row of extra) if (add(row)) total++;
  return { evidence, total };
}
