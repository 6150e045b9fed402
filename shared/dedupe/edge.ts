import type { Row } from './rows';
import type { DuplicateKind, Evidence } from './types';

/** A scored pair before conflicts between pairs are resolved. */
export interface Edge {
  kind: DuplicateKind;
  a: Row;
  b: Row;
  score: number;
  strong: boolean;
  /** Signed effective ms from a to b; its absolute value breaks score ties. */
  deltaMs: number;
  evidence: Evidence[];
}

export function describe(r: Row): string {
  return `${r.source.name} ${r.tx.sheet}!${r.tx.row}`;
}

export function money(r: Row): string {
  const units = r.tx.amountMinor / 100;
  return `${units.toFixed(2)} ${r.tx.currency.trim().toUpperCase()}`;
}
