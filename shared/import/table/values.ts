/** The value parsers in one place: each answers `{ ok, value }` or `{ ok: false, reason }`. */
export { parseAmount, inferDecimalSeparator } from './amount';
export type { Amount, AmountOptions, DecimalSeparator } from './amount';
export { parseDateTime, DEFAULT_ZONE } from './datetime';
export type { DateTimeOptions, DateTimeValue } from './datetime';
export { parseCurrencyCode } from './currency';
export { parseDirection } from './direction';
export { parseText } from './text';
