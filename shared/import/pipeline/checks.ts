/**
 * A forensic accountant's arithmetic on a statement: balances, the running balance, the bank's
 * own totals and gaps between periods. A failed check is evidence (a doctored or partial
 * statement, a misread column), so it names the rows involved instead of throwing.
 */
import type { IntegrityCheck } from '../../model/statement';
import { currencyMinorDigits } from '../../model/currency';

/** What a check needs of a transaction. */
export interface CheckedRow {
  row: number;
  direction: 'in' | 'out';
  amountMinor: number;
  currency: string;
  amountKztMinor?: number;
  balanceMinor?: number;
}

const DAY = 86_400_000;
const NAMED_ROWS = 5;

export function money(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs} ${currency}`;
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const fraction = String(abs % scale).padStart(digits, '0');
  return `${sign}${whole}.${fraction} ${currency}`;
}

/** opening + credits − debits = closing, over the rows in the balance's currency. */
export function balanceCheck(
  sheet: string,
  rows: readonly CheckedRow[],
  opening: { minor: number; row: number },
  closing: { minor: number; row: number },
  currency: string,
): IntegrityCheck {
  let credits = 0;
  let debits = 0;
  let other = 0;
  for (const tx of rows) {
    if (tx.currency !== currency) {
      other++;
      continue;
    }
    if (tx.direction === 'in') credits += tx.amountMinor;
    else debits += tx.amountMinor;
  }
  const computed = opening.minor + credits - debits;
  const ok = computed === closing.minor;
  const skipped = other > 0 ? ` (${other} rows in other currencies not counted)` : '';
  return {
    kind: 'balance',
    ok,
    sheet,
    rows: [opening.row, closing.row],
    code: ok ? 'balance.ok' : 'balance.mismatch',
    params: {
      currency,
      opening: opening.minor,
      credits,
      debits,
      computed,
      stated: closing.minor,
      difference: closing.minor - computed,
      otherCurrencyRows: other,
    },
    message:
      `opening ${money(opening.minor, currency)} + credits ${money(credits, currency)} − debits ` +
      `${money(debits, currency)} = ${money(computed, currency)}; the statement states closing ` +
      `${money(closing.minor, currency)}${ok ? '' : `, a difference of ${money(closing.minor - computed, currency)}`}${skipped}`,
  };
}

/**
 * Each row's balance must follow from its neighbour's: banks list oldest-first or newest-first,
 * so both readings are tried and the one with fewer disagreements is reported.
 */
export function runningBalanceCheck(sheet: string, rows: readonly CheckedRow[]): IntegrityCheck | null {
  const withBalance = rows.filter((r) => r.balanceMinor !== undefined);
  if (withBalance.length < 2) return null;
  const forward: number[] = [];
  const backward: number[] = [];
  for (let i = 1; i < withBalance.length; i++) {
    const prev = withBalance[i - 1];
    const cur = withBalance[i];
    if (!prev || !cur || prev.balanceMinor === undefined || cur.balanceMinor === undefined) continue;
    if (prev.balanceMinor + signed(cur) !== cur.balanceMinor) forward.push(cur.row);
    if (cur.balanceMinor + signed(prev) !== prev.balanceMinor) backward.push(prev.row);
  }
  const bad = forward.length <= backward.length ? forward : backward;
  const order = forward.length <= backward.length ? 'oldest first' : 'newest first';
  const pairs = withBalance.length - 1;
  return {
    kind: 'running-balance',
    ok: bad.length === 0,
    sheet,
    rows: bad.slice(0, NAMED_ROWS),
    code: bad.length === 0 ? 'running.ok' : 'running.mismatch',
    params: { bad: bad.length, steps: pairs, order: order === 'oldest first' ? 'oldest' : 'newest' },
    message:
      bad.length === 0
        ? `the balance column agrees with every amount (${pairs} steps, ${order})`
        : `the balance column disagrees with the amounts on ${bad.length} of ${pairs} rows (${order}); first at rows ${bad
            .slice(0, NAMED_ROWS)
            .join(', ')}`,
  };
}

export interface StatedTotals {
  row: number;
  label: string;
  sums: Partial<Record<'amount' | 'credit' | 'debit' | 'amountKzt' | 'balance', number>>;
}

/** The bank's `Итого` against the rows read since the previous total. */
export function totalsCheck(
  sheet: string,
  totals: StatedTotals,
  rows: readonly CheckedRow[],
  rejectedInRange: number,
): IntegrityCheck | null {
  let credit = 0;
  let debit = 0;
  let kzt = 0;
  for (const tx of rows) {
    if (tx.direction === 'in') credit += tx.amountMinor;
    else debit += tx.amountMinor;
    kzt += tx.amountKztMinor ?? 0;
  }
  const parts: string[] = [];
  const wrong: string[] = [];
  const compare = (name: string, stated: number | undefined, computed: number, alt?: number): void => {
    if (stated === undefined) return;
    const s = Math.abs(stated);
    const fits = s === computed || (alt !== undefined && s === Math.abs(alt));
    parts.push(`${name} ${fmt(s)}${fits ? '' : ` vs ${fmt(computed)} read`}`);
    if (!fits) wrong.push(name);
  };
  compare('credit', totals.sums.credit, credit);
  compare('debit', totals.sums.debit, debit);
  compare('amount', totals.sums.amount, credit + debit, credit - debit);
  compare('amount in KZT', totals.sums.amountKzt, kzt);
  if (parts.length === 0) return null;
  const note = wrong.length > 0 && rejectedInRange > 0 ? ` (${rejectedInRange} rejected rows above it)` : '';
  return {
    kind: 'totals',
    ok: wrong.length === 0,
    sheet,
    rows: [totals.row],
    code: wrong.length === 0 ? 'totals.ok' : 'totals.mismatch',
    params: {
      label: totals.label,
      row: totals.row,
      columns: wrong.join(', '),
      rejectedAbove: rejectedInRange,
    },
    message: `"${totals.label}" row ${totals.row}: ${parts.join(', ')}${note}`,
  };
}

function fmt(minor: number): string {
  return (minor / 100).toFixed(2);
}

function signed(tx: CheckedRow): number {
  return tx.direction === 'in' ? tx.amountMinor : -tx.amountMinor;
}

export interface PeriodBlock {
  sheet: string;
  row: number;
  key: string;
  from?: number;
  to?: number;
  opening?: number;
  closing?: number;
}

/**
 * Consecutive statements of one account in one file must meet: a missing day or a closing
 * balance that is not the next opening means pages are missing.
 */
export function periodChecks(blocks: readonly PeriodBlock[]): IntegrityCheck[] {
  const byKey = new Map<string, PeriodBlock[]>();
  for (const b of blocks) {
    const list = byKey.get(b.key);
    if (list) list.push(b);
    else byKey.set(b.key, [b]);
  }
  const checks: IntegrityCheck[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => (a.from ?? a.to ?? 0) - (b.from ?? b.to ?? 0));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const next = sorted[i];
      if (!prev || !next) continue;
      const carried = prev.closing !== undefined && next.opening !== undefined;
      if (carried && prev.closing !== next.opening) {
        checks.push({
          kind: 'balance',
          ok: false,
          sheet: next.sheet,
          rows: [prev.row, next.row],
          code: 'balance.carry',
          params: {
            account: key,
            closing: prev.closing ?? 0,
            opening: next.opening ?? 0,
            previousRow: prev.row,
            nextRow: next.row,
          },
          message: `${key}: closing balance of the statement at row ${prev.row} (${fmt(prev.closing ?? 0)}) is not the opening balance of the next at row ${next.row} (${fmt(next.opening ?? 0)})`,
        });
      }
      if (prev.to === undefined || next.from === undefined) continue;
      const gapDays = Math.round((next.from - prev.to) / DAY) - 1;
      const ok = gapDays <= 0 || (carried && prev.closing === next.opening && gapDays <= 3);
      checks.push({
        kind: 'period-gap',
        ok,
        sheet: next.sheet,
        rows: [prev.row, next.row],
        code: ok ? 'period.continues' : 'period.gap',
        params: {
          account: key,
          days: gapDays,
          from: isoDay(prev.to),
          to: isoDay(next.from),
          previousRow: prev.row,
          nextRow: next.row,
        },
        message: ok
          ? `${key}: the statement at row ${next.row} continues the one at row ${prev.row}`
          : `${key}: ${gapDays} day(s) missing between ${isoDay(prev.to)} (row ${prev.row}) and ${isoDay(next.from)} (row ${next.row})`,
      });
    }
  }
  return checks;
}

/** Period bounds are local midnights in UTC ms; half a day later is the same calendar day in any KZ zone. */
function isoDay(ms: number): string {
  return new Date(ms + DAY / 2).toISOString().slice(0, 10);
}
