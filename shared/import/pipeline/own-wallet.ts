/**
 * A chain explorer's export lists one wallet's transfers without saying which wallet: it is the
 * address that sits in the From or To column of (nearly) every row.
 */
import type { Cell, ColumnMapping, DetectedTable } from '../table';
import { parseText } from '../table';

const SAMPLE = 200;

export function inferOwnWallet(table: DetectedTable, mapping: ColumnMapping): string | null {
  const from = mapping.roles.fromAddress;
  const to = mapping.roles.toAddress;
  if (from === undefined || to === undefined) return null;
  const counts = new Map<string, number>();
  let rows = 0;
  for (let r = table.dataStart; r < table.dataEnd && rows < SAMPLE; r++) {
    if (table.rowKinds[r] !== 'transaction') continue;
    const row: readonly Cell[] = table.rows[r] ?? [];
    rows++;
    const a = parseText(row[from]);
    const b = parseText(row[to]);
    if (a !== '') counts.set(a, (counts.get(a) ?? 0) + 1);
    if (b !== '' && b !== a) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  if (rows < 2) return null;
  for (const [address, n] of counts) if (n >= rows * 0.9) return address;
  return null;
}
