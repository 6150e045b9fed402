/**
 * Column roles for a detected table: the vocabulary's reading of each caption, checked against
 * the data below it, resolved to one column per role. Also the header signature that keys
 * saved import profiles.
 */
import type { Cell } from './cell';
import { isBlank } from './cell';
import type { DecimalSeparator } from './amount';
import { inferDecimalSeparator, parseAmount } from './amount';
import { parseCurrencyCode } from './currency';
import { parseDateTime } from './datetime';
import { directionOfText } from './direction';
import type { DetectedTable, HeaderColumn } from './header';
import { sampleRows } from './sample';
import { normalizeCaption } from './text';
import type { ColumnRole } from './vocabulary';
import { PARTY_VARIANTS } from './vocabulary';

export interface ColumnEvidence {
  /** The vocabulary spelling the caption matched, or null. */
  spelling: string | null;
  headerScore: number;
  /** Share of non-empty sample cells that parse as the role's type; null without samples. */
  sampleShare: number | null;
  sampled: number;
  /** Why a matching caption got no role (a better column took it). */
  note?: string;
}

export interface ColumnAssignment {
  index: number;
  letter: string;
  caption: string;
  role: ColumnRole | null;
  confidence: number;
  evidence: ColumnEvidence;
}

export interface ColumnMapping {
  columns: ColumnAssignment[];
  /** Role → column index, one column per role. */
  roles: Partial<Record<ColumnRole, number>>;
  /** Decimal mark per amount-like column index, when the column's cells reveal it. */
  decimalSeparators: Record<number, DecimalSeparator | null>;
  /** Some amounts in the amount column are negative: the sign carries the direction. */
  signedAmount: boolean;
  /** Date columns whose caption says UTC (`Date(UTC)`), read in UTC whatever the context says. */
  utcColumns: number[];
  /** What decides in/out, most reliable first (for the import preview). */
  directionSources: string[];
  signature: string;
}

const SAMPLE_LIMIT = 60;
/** Roles whose cells are money: the column's decimal separator is inferred from them. */
export const AMOUNT_LIKE: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'amount',
  'credit',
  'debit',
  'amountKzt',
  'fee',
  'balance',
  'cryptoAmount',
  'fiatAmount',
  'price',
]);
const ID_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'payerIdNumber',
  'recipientIdNumber',
  'counterpartyIdNumber',
  'ownIdNumber',
]);
const ID_NUMBER = /^'?\d{9,12}$/;
const KNP = /^\d{1,3}$/;
const SIDE = /^(buy|sell|покупка|продажа)$/i;
const CHAIN_ADDRESS =
  /^(?:T[1-9A-HJ-NP-Za-km-z]{33}|0x[0-9a-fA-F]{40}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[0-9a-z]{20,80})$/;
const UTC = /\butc\b/;
const DIGITS = /^\d+$/;

/** `дата и время операции|валюта операции|…`: normalized captions, trailing empties dropped. */
export function headerSignature(headerCells: readonly string[]): string {
  const parts = headerCells.map((c) => normalizeCaption(c));
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.join('|');
}

export function mapColumns(table: DetectedTable): ColumnMapping {
  const samples = sampleRows(table, SAMPLE_LIMIT);
  const proposed = inheritParty(table.columns);
  const candidates: ColumnAssignment[] = table.columns.map((column, i) => {
    const role = proposed[i] ?? null;
    const headerScore = column.match?.score ?? 0;
    const cells = role === null ? [] : columnCells(samples, column.index);
    const share = role === null ? null : sampleShare(role, cells);
    const confidence = role === null ? 0 : headerScore * (share === null ? 0.9 : 0.4 + 0.6 * share);
    return {
      index: column.index,
      letter: column.letter,
      caption: column.caption,
      role,
      confidence: Math.round(confidence * 1000) / 1000,
      evidence: {
        spelling: column.match?.spelling ?? null,
        headerScore,
        sampleShare: share,
        sampled: cells.length,
      },
    };
  });

  // Best unique assignment: strongest claim first; a column whose role is taken stays unmapped.
  const order = [...candidates].sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const roles: Partial<Record<ColumnRole, number>> = {};
  for (const assignment of order) {
    if (assignment.role === null) continue;
    const taken = roles[assignment.role];
    if (taken === undefined && assignment.confidence > 0.25) roles[assignment.role] = assignment.index;
    else {
      const winner = taken === undefined ? null : candidates.find((c) => c.index === taken);
      assignment.evidence.note = winner
        ? `column ${winner.letter} "${winner.caption}" fits ${assignment.role} better`
        : 'the data below does not fit the caption';
      assignment.role = null;
    }
  }

  const decimalSeparators: Record<number, DecimalSeparator | null> = {};
  const utcColumns: number[] = [];
  for (const assignment of candidates) {
    if (assignment.role !== null && AMOUNT_LIKE.has(assignment.role)) {
      decimalSeparators[assignment.index] = inferDecimalSeparator(columnCells(samples, assignment.index));
    }
    if (
      (assignment.role === 'date' || assignment.role === 'valueDate') &&
      UTC.test(normalizeCaption(assignment.caption))
    ) {
      utcColumns.push(assignment.index);
    }
  }
  const amountColumn = roles.amount ?? roles.cryptoAmount;
  const signedAmount =
    amountColumn !== undefined &&
    columnCells(samples, amountColumn).some((cell) => {
      const parsed = parseAmount(cell, { fractionDigits: 8 });
      return parsed.ok && parsed.value.minor < 0;
    });

  return {
    columns: candidates,
    roles,
    decimalSeparators,
    signedAmount,
    utcColumns,
    directionSources: directionSources(table, roles, signedAmount),
    signature: headerSignature(table.columns.map((c) => c.caption)),
  };
}

function directionSources(
  table: DetectedTable,
  roles: Partial<Record<ColumnRole, number>>,
  signedAmount: boolean,
): string[] {
  const sources: string[] = [];
  if (roles.credit !== undefined || roles.debit !== undefined) sources.push('credit/debit columns');
  if (signedAmount) sources.push('amount sign');
  if (table.sections.length > 0) sources.push('section markers');
  sources.push('sheet name');
  if (roles.operationType !== undefined) sources.push('operation type');
  if (roles.side !== undefined) sources.push('buy/sell side');
  if (
    roles.payerAccount !== undefined ||
    roles.recipientAccount !== undefined ||
    roles.fromAddress !== undefined
  ) {
    sources.push('own account is payer or recipient');
  }
  return sources;
}

/**
 * A plain `БИН` right of `Наименование дебет…` is the payer's; right of the client's own name
 * (Forte's `ФИО отправителя/получателя`, `ИИН`) it is the client's.
 */
function inheritParty(columns: readonly HeaderColumn[]): (ColumnRole | null)[] {
  const roles = columns.map((c) => c.match?.role ?? null);
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i];
    if (role === null || role === undefined || columns[i]?.group) continue;
    const variants = PARTY_VARIANTS[role];
    if (!variants || role === 'ownAccount') continue;
    for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
      const left = roles[k];
      if (left === 'payerName' || left === 'payerIdNumber') roles[i] = variants[0];
      else if (left === 'recipientName' || left === 'recipientIdNumber') roles[i] = variants[1];
      else if (left === 'ownName' && role === 'counterpartyIdNumber') roles[i] = 'ownIdNumber';
      else continue;
      break;
    }
  }
  return roles;
}

function columnCells(rows: readonly (readonly Cell[])[], index: number): Cell[] {
  const cells: Cell[] = [];
  for (const row of rows) {
    const cell = row[index];
    if (cell !== undefined && !isBlank(cell)) cells.push(cell);
  }
  return cells;
}

function sampleShare(role: ColumnRole, cells: readonly Cell[]): number | null {
  if (cells.length === 0) return null;
  let fits = 0;
  for (const cell of cells) if (fitsRole(role, cell)) fits++;
  return fits / cells.length;
}

function fitsRole(role: ColumnRole, cell: Cell): boolean {
  if (role === 'date' || role === 'valueDate') return parseDateTime(cell, { zone: 'UTC' }).ok;
  if (AMOUNT_LIKE.has(role)) return parseAmount(cell, { fractionDigits: 8 }).ok;
  if (ID_ROLES.has(role)) return ID_NUMBER.test(String(cell).trim());
  const text = String(cell).trim();
  switch (role) {
    case 'knp':
      return KNP.test(text);
    case 'currency':
    case 'fiatCurrency':
    case 'token':
      return parseCurrencyCode(cell).ok;
    case 'operationType':
      return directionOfText(text) !== null;
    case 'side':
      return SIDE.test(text);
    case 'fromAddress':
    case 'toAddress':
    case 'wallet':
      return CHAIN_ADDRESS.test(text);
    case 'rowNumber':
      return typeof cell === 'number' || KNP.test(text) || DIGITS.test(text);
    default:
      return true;
  }
}
