/** Hand-built statements for the dedupe tests. Not exported from index.ts. */
import type { ImportedTransaction, StatementAccount } from '../model/statement';
import type { DedupeSource } from './types';
import { mulberry32 } from '../random/mulberry32';

/** UTC ms for a wall-clock time in Almaty (UTC+5 in these fixtures). */
export function almaty(y: number, m: number, d: number, h = 0, min = 0): number {
  return Date.UTC(y, m - 1, d, h - 5, min);
}

export function withLuhn(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload.charAt(payload.length - 1 - i));
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return payload + String((10 - (sum % 10)) % 10);
}

export const CARD_A = withLuhn('440043123456789'); // drop A's Kaspi card
export const CARD_B = withLuhn('400303987654321'); // collector B's Halyk card
export const CARD_C = withLuhn('510000111122223');

let defaultRow = 10;

export function tx(
  over: Partial<ImportedTransaction> & Pick<ImportedTransaction, 'bookedAt'>,
): ImportedTransaction {
  return {
    sheet: 'Sheet1',
    row: defaultRow++,
    hasTime: true,
    direction: 'out',
    amountMinor: 15_000_000,
    currency: 'KZT',
    description: '',
    counterparty: {},
    ...over,
  };
}

export function account(over: Partial<StatementAccount> = {}): StatementAccount {
  return { sheet: 'Sheet1', row: 5, ...over };
}

export function source(
  sha256: string,
  transactions: ImportedTransaction[],
  accounts: StatementAccount[] = [],
): DedupeSource {
  return { sha256, name: `${sha256}.xlsx`, accounts, transactions };
}

export const prng = mulberry32;

export function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const x = out[i] as T;
    out[i] = out[j] as T;
    out[j] = x;
  }
  return out;
}
