/**
 * The investigator's column corrections applied over the automatic mapping, and the mapping in
 * the shape the confirmation preview shows and a saved profile stores.
 */
import type { Cell, ColumnMapping, ColumnRole, DetectedTable } from '../table';
import { COLUMN_ROLES, inferDecimalSeparator, parseAmount } from '../table';
import { isBlank } from '../table/cell';
import { AMOUNT_LIKE } from '../table/columns';
import { sampleRows } from '../table/sample';
import type { TableMapping } from '../../model/statement';

const KNOWN_ROLES: ReadonlySet<string> = new Set<string>(COLUMN_ROLES);
const SAMPLE_LIMIT = 60;
const UTC_CAPTION = /\butc\b/i;

/**
 * Each override pins a column to a role (confidence 1) or to nothing; a role moved to a new
 * column leaves the column that had it. Unknown roles are refused by the caller's type; here they
 * are ignored rather than trusted.
 */
export function applyOverrides(
  table: DetectedTable,
  mapping: ColumnMapping,
  overrides: Readonly<Record<string, ColumnRole | null>> | undefined,
): string[] {
  const notes: string[] = [];
  if (!overrides) return notes;
  for (const [letter, role] of Object.entries(overrides)) {
    if (role !== null && !KNOWN_ROLES.has(role)) {
      notes.push(`column ${letter}: "${String(role)}" is not a column role; ignored`);
      continue;
    }
    let assignment = mapping.columns.find((c) => c.letter === letter);
    if (!assignment) {
      const index = letterIndex(letter);
      if (index < 0) {
        notes.push(`"${letter}" is not a column letter; ignored`);
        continue;
      }
      assignment = {
        index,
        letter,
        caption: '',
        role: null,
        confidence: 0,
        evidence: { spelling: null, headerScore: 0, sampleShare: null, sampled: 0 },
      };
      mapping.columns.push(assignment);
      mapping.columns.sort((a, b) => a.index - b.index);
    }
    const previous = assignment.role;
    if (previous !== null && mapping.roles[previous] === assignment.index)
      mapping.roles[previous] = undefined;
    if (role !== null) {
      const holder = mapping.roles[role];
      if (holder !== undefined && holder !== assignment.index) {
        const other = mapping.columns.find((c) => c.index === holder);
        if (other) {
          other.role = null;
          other.confidence = 0;
          other.evidence.note = `column ${letter} was set to ${role} by hand`;
        }
      }
      mapping.roles[role] = assignment.index;
    }
    assignment.role = role;
    assignment.confidence = role === null ? 0 : 1;
    assignment.evidence.note = 'set by hand';
    refreshColumn(table, mapping, assignment.index, role, assignment.caption);
  }
  const amountColumn = mapping.roles.amount ?? mapping.roles.cryptoAmount;
  mapping.signedAmount =
    amountColumn !== undefined &&
    sample(table, amountColumn).some((cell) => {
      const parsed = parseAmount(cell, { fractionDigits: 8 });
      return parsed.ok && parsed.value.minor < 0;
    });
  return notes;
}

function refreshColumn(
  table: DetectedTable,
  mapping: ColumnMapping,
  index: number,
  role: ColumnRole | null,
  caption: string,
): void {
  if (role !== null && AMOUNT_LIKE.has(role))
    mapping.decimalSeparators[index] = inferDecimalSeparator(sample(table, index));
  const utc = mapping.utcColumns.indexOf(index);
  const isUtcDate = (role === 'date' || role === 'valueDate') && UTC_CAPTION.test(caption);
  if (isUtcDate && utc < 0) mapping.utcColumns.push(index);
  if (!isUtcDate && utc >= 0) mapping.utcColumns.splice(utc, 1);
}

function sample(table: DetectedTable, index: number): Cell[] {
  const filled = (row: readonly Cell[]): boolean => row[index] !== undefined && !isBlank(row[index]);
  return sampleRows(table, SAMPLE_LIMIT, filled).map((row) => row[index] as Cell);
}

function letterIndex(letter: string): number {
  if (!/^[A-Z]{1,3}$/.test(letter)) return -1;
  let n = 0;
  for (let i = 0; i < letter.length; i++) n = n * 26 + (letter.charCodeAt(i) - 64);
  return n - 1;
}

export function tableMapping(
  sheet: string,
  table: DetectedTable,
  mapping: ColumnMapping,
  rowNumber: (index: number) => number,
): TableMapping {
  return {
    sheet,
    headerRows: table.headerRows.map(rowNumber),
    signature: mapping.signature,
    columns: mapping.columns.map((c) => ({
      column: c.letter,
      caption: c.caption,
      role: c.role,
      confidence: c.confidence,
    })),
  };
}
