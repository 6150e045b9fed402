/** One line per file for the import command's human summary. */
import { distinctIdentifierCount } from '../../shared/identifiers';
import type { StatementImport } from '../../shared/model/statement';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function describeImport(file: string, s: StatementImport): string {
  const identifiers = distinctIdentifierCount(s.mentions);
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

export function describeSkip(file: string, sha256: string): string {
  return `skipped   ${file}: already imported (sha256 ${sha256.slice(0, 12)}…)`;
}
