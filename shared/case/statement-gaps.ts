import type { StatementAccount } from '../model/statement';

/**
 * Gaps and overlaps between statements of the same account across files, as a forensic
 * accountant checks them: a missing fortnight is where money can move unseen, so the
 * investigator sends a follow-up request for exactly that period; an overlap means the same rows
 * may be in two files (see the duplicate review).
 */
export interface StatementPeriod {
  sha256: string;
  file: string;
  sheet: string;
  account: string;
  from: number;
  to: number;
}

export interface PeriodGap {
  kind: 'gap' | 'overlap';
  account: string;
  /** UTC ms of the first and last day not covered (gap) or covered twice (overlap). */
  from: number;
  to: number;
  days: number;
  before: StatementPeriod;
  after: StatementPeriod;
}

const DAY = 86_400_000;

/** Account numbers compared without spaces and case; IBAN and card forms are not mixed. */
function accountKey(account: string): string {
  return account.replace(/\s+/g, '').toUpperCase();
}

export function statementPeriods(
  sources: readonly { sha256: string; name: string; accounts: readonly StatementAccount[] }[],
): StatementPeriod[] {
  const periods: StatementPeriod[] = [];
  for (const source of sources) {
    for (const account of source.accounts) {
      const number = account.account ?? account.card;
      if (!number || account.periodFrom === undefined || account.periodTo === undefined) continue;
      periods.push({
        sha256: source.sha256,
        file: source.name,
        sheet: account.sheet,
        account: accountKey(number),
        from: account.periodFrom,
        to: account.periodTo,
      });
    }
  }
  return periods;
}

/** Periods are whole days (their bounds are local midnights); a gap is at least one missing day. */
export function findPeriodGaps(periods: readonly StatementPeriod[]): PeriodGap[] {
  const byAccount = new Map<string, StatementPeriod[]>();
  for (const period of periods) {
    const list = byAccount.get(period.account) ?? [];
    list.push(period);
    byAccount.set(period.account, list);
  }
  const found: PeriodGap[] = [];
  for (const [account, list] of [...byAccount].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => a.from - b.from || a.to - b.to || (a.sha256 < b.sha256 ? -1 : 1));
    let covered = list[0] as StatementPeriod;
    for (const next of list.slice(1)) {
      const missingFrom = covered.to + DAY;
      if (next.from > missingFrom) {
        const to = next.from - DAY;
        found.push({
          kind: 'gap',
          account,
          from: missingFrom,
          to,
          days: Math.round((to - missingFrom) / DAY) + 1,
          before: covered,
          after: next,
        });
      } else if (next.from <= covered.to && next.sha256 !== covered.sha256) {
        const to = Math.min(covered.to, next.to);
        found.push({
          kind: 'overlap',
          account,
          from: next.from,
          to,
          days: Math.round((to - next.from) / DAY) + 1,
          before: covered,
          after: next,
        });
      }
      if (next.to > covered.to) covered = next;
    }
  }
  return found;
}
