/**
 * A chain explorer's export lists one wallet's transfers without saying which wallet: it is the
 * address that sits in the From or To column of (nearly) every row.
 */
import type { ColumnMapping, DetectedTable } from '../table';
import { parseText } from '../table';
import { sampleRows } from '../table/sample';

const SAMPLE = 200;

export function inferOwnWallet(table: DetectedTable, mapping: ColumnMapping): string | null {
  const from = mapping.roles.fromAddress;
  const to = mapping.roles.toAddress;
  if (from === undefined || to === undefined) return null;
  const counts = new Map<string, number>();
  const sample = sampleRows(table, SAMPLE);
  const rows = sample.length;
  for (const row of sample) {
    const a = parseText(row[from]);
    const b = parseText(row[to]);
    if (a !== '') counts.set(a, (counts.get(a) ?? 0) + 1);
    if (b !== '' && b !== a) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  if (rows < 2) return null;
  for (const [address, n] of counts) if (n >= rows * 0.9) return address;
  return null;
}
