/** The case as money moving between places: built from statements, read by trace, patterns and graph. */
export type * from './types';
export { buildLedger, type LedgerInput } from './build';
export { accountKey, exchangeOf } from './row-parties';
