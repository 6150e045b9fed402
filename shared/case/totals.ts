import { currencyMinorDigits } from '../model/currency';
import type { ImportedTransaction } from '../model/statement';
import type { CurrencyTotals } from './summary-types';

/** Minor → major units. Dividing an integer by 10^k yields the double nearest the decimal, so JSON prints it exactly. */
export function minorToMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyMinorDigits(currency);
}

/** Credit and debit per currency, summed as integers (exact) and converted once at the end. */
export function currencyTotals(transactions: readonly ImportedTransaction[]): Record<string, CurrencyTotals> {
  const sums = new Map<string, CurrencyTotals>();
  for (const t of transactions) {
    let s = sums.get(t.currency);
    if (!s) {
      s = { credit: 0, debit: 0, creditMinor: 0, debitMinor: 0, creditCount: 0, debitCount: 0 };
      sums.set(t.currency, s);
    }
    if (t.direction === 'in') {
      s.creditMinor += t.amountMinor;
      s.creditCount++;
    } else {
      s.debitMinor += t.amountMinor;
      s.debitCount++;
    }
  }
  const out: Record<string, CurrencyTotals> = {};
  for (const currency of [...sums.keys()].sort()) {
    const s = sums.get(currency) as CurrencyTotals;
    out[currency] = {
      ...s,
      credit: minorToMajor(s.creditMinor, currency),
      debit: minorToMajor(s.debitMinor, currency),
    };
  }
  return out;
}
