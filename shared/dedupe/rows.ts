/**
 * Flattening the sources into rows and grouping them. Only rows sharing currency and amount can
 * be the same money, so the bucket is the unit of work; within it rows are sorted by time and
 * scanned with a window, which keeps the whole run near O(n log n).
 */
import type { ImportedTransaction } from '../model/statement';
import type { Identity, IdentityCache } from './identity';
import type { DedupeSource, RowKey } from './types';

export interface Row {
  /** Index into the flat row array. */
  i: number;
  /** Index into the sorted, de-duplicated sources. */
  src: number;
  source: DedupeSource;
  tx: ImportedTransaction;
  t: number;
  timed: boolean;
  own?: Identity;
  cp?: Identity;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(a: RowKey, b: RowKey): number {
  return compareStrings(a.sha256, b.sha256) || compareStrings(a.sheet, b.sheet) || a.row - b.row;
}

export function rowKey(r: Row): RowKey {
  return { sha256: r.source.sha256, sheet: r.tx.sheet, row: r.tx.row };
}

export function keyString(k: RowKey): string {
  return `${k.sha256}\u0000${k.sheet}\u0000${k.row}`;
}

export function compareRows(a: Row, b: Row): number {
  return a.src - b.src || compareStrings(a.tx.sheet, b.tx.sheet) || a.tx.row - b.tx.row;
}

export function owner(r: Row, cache: IdentityCache): Identity {
  return (r.own ??= cache.owner(r.source.accounts, r.tx));
}

export function counterparty(r: Row, cache: IdentityCache): Identity {
  return (r.cp ??= cache.counterparty(r.tx.counterparty));
}

/**
 * Sources sorted by SHA-256 (input order must not matter); a file listed twice is one file.
 * Rows whose amount is not a positive integer cannot be compared and are left out.
 */
export function flatten(sources: readonly DedupeSource[]): { rows: Row[]; sources: DedupeSource[] } {
  const sorted = [...sources].sort(
    (a, b) => compareStrings(a.sha256, b.sha256) || b.transactions.length - a.transactions.length,
  );
  const unique = sorted.filter((s, i) => i === 0 || sorted[i - 1]?.sha256 !== s.sha256);
  const rows: Row[] = [];
  unique.forEach((source, src) => {
    for (const tx of source.transactions) {
      if (!Number.isSafeInteger(tx.amountMinor) || tx.amountMinor <= 0 || !Number.isFinite(tx.bookedAt))
        continue;
      // own/cp declared up front so every row keeps one hidden class when they are filled in later.
      rows.push({
        i: rows.length,
        src,
        source,
        tx,
        t: tx.bookedAt,
        timed: tx.hasTime,
        own: undefined,
        cp: undefined,
      });
    }
  });
  return { rows, sources: unique };
}

/** Buckets of rows with one currency and amount, only those spanning at least two files, time-sorted. */
export function buckets(rows: readonly Row[]): Row[][] {
  const byCurrency = new Map<string, Map<number, Row[]>>();
  const spelled = new Map<string, string>();
  for (const r of rows) {
    let currency = spelled.get(r.tx.currency);
    if (currency === undefined) spelled.set(r.tx.currency, (currency = r.tx.currency.trim().toUpperCase()));
    let byAmount = byCurrency.get(currency);
    if (!byAmount) byCurrency.set(currency, (byAmount = new Map()));
    const list = byAmount.get(r.tx.amountMinor);
    if (list) list.push(r);
    else byAmount.set(r.tx.amountMinor, [r]);
  }
  const out: Row[][] = [];
  for (const byAmount of byCurrency.values())
    for (const list of byAmount.values()) {
      if (list.length < 2 || list.every((r) => r.src === list[0]?.src)) continue;
      list.sort((a, b) => a.t - b.t || compareRows(a, b));
      out.push(list);
    }
  return out;
}
