/**
 * The transfers as columns (typed arrays), read once from the ledger's objects. Transfers come in
 * several shapes (with or without a conversion, a `via`, a description), which makes every
 * property read on them slow once the engine has seen them all; the detectors read these
 * columns instead, several times faster on a million transfers.
 */
import type { Ledger } from '../ledger/types';

export interface Columns {
  from: Int32Array;
  to: Int32Array;
  /** UTC epoch ms. */
  at: Float64Array;
  /** Minor units that left `from`, in `currency`. */
  sent: Float64Array;
  /** Minor units that arrived at `to`, in `arrivalCurrency` (differs for a P2P order). */
  got: Float64Array;
  /** Codes into `currencies`. */
  currency: Int32Array;
  arrivalCurrency: Int32Array;
  currencies: string[];
  /** How many evidence rows each transfer has (for totals without touching the rows). */
  rows: Uint16Array;
  /** The code of a currency, adding it when new (opening balances may name others). */
  code(currency: string): number;
}

export function toColumns(ledger: Ledger): Columns {
  const n = ledger.transfers.length;
  const currencies: string[] = [];
  const codes = new Map<string, number>();
  const code = (currency: string): number => {
    let c = codes.get(currency);
    if (c === undefined) {
      c = currencies.length;
      currencies.push(currency);
      codes.set(currency, c);
    }
    return c;
  };
  const cols: Columns = {
    from: new Int32Array(n),
    to: new Int32Array(n),
    at: new Float64Array(n),
    sent: new Float64Array(n),
    got: new Float64Array(n),
    currency: new Int32Array(n),
    arrivalCurrency: new Int32Array(n),
    currencies,
    rows: new Uint16Array(n),
    code,
  };
  let last = '';
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    const t = ledger.transfers[i];
    if (!t) continue;
    cols.from[i] = t.from;
    cols.to[i] = t.to;
    cols.at[i] = t.at;
    cols.sent[i] = t.amountMinor;
    cols.got[i] = t.toAmountMinor ?? t.amountMinor;
    // Nearly every transfer is in the previous one's currency: skip the map lookup then.
    if (t.currency !== last) {
      last = t.currency;
      lastCode = code(last);
    }
    cols.currency[i] = lastCode;
    cols.arrivalCurrency[i] = t.toCurrency === undefined ? lastCode : code(t.toCurrency);
    cols.rows[i] = Math.min(65_535, t.evidence.length);
  }
  return cols;
}
