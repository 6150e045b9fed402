/**
 * Minor-unit digits per ISO 4217 code. Amounts live as integers of minor units everywhere (tiyn,
 * cents), so every parser and formatter must agree on this one table. USDT is counted to 6
 * decimals, as on TRON and Ethereum. Codes not listed (including the ISO "no currency" code
 * XXX) use 2.
 */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
  USDT: 6,
};

export function currencyMinorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}
