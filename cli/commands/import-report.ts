/** One line per file for the import command's human summary. */
import type { StatementImport } from '../../shared/model/statement';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function describeImport(file: string, s: StatementImport): string {
  const identifiers = distinctIdentifiers(s);
  const failed = s.checks.filter((c) => !c.ok).length;
  const parts = [
    plural(s.transactions.length, 'row'),
    `${s.rejected.length} rejected`,
    plural(identifiers, 'identifier'),
    `${plural(failed, 'check')} failed`,
  ];
  if (s.invalid.length > 0) parts.push(`${s.invalid.length} invalid identifier(s)`);
  return `imported  ${file}: ${parts.join(', ')}`;
}

/** A set per kind: the values are already hashed strings, a joined `kind:value` key would not be. */
function distinctIdentifiers(s: StatementImport): number {
  const byKind = new Map<string, Set<string>>();
  for (const m of s.mentions) {
    let values = byKind.get(m.kind);
    if (values === undefined) byKind.set(m.kind, (values = new Set()));
    values.add(m.value);
  }
  let n = 0;
  for (const values of byKind.values()) n += values.size;
  return n;
}

export function describeSkip(file: string, sha256: string): string {
  return `skipped   ${file}: already imported (sha256 ${sha256.slice(0, 12)}…)`;
}
