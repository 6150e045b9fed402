/**
 * Finds the tables in a sheet and classifies every row. A header row is recognized by what its
 * cells say (vocabulary matches, including a date or amount caption), never by its position;
 * the rows under it decide where data starts (an optional 2nd header row under merged group
 * captions, an optional 1,2,3… numbering row). A sheet may hold several account blocks, each
 * with its own preamble, header and totals; section markers (`Входящие платежи`) set the
 * direction of the rows below them.
 */
import type { Cell, Direction, MergedRange, SheetRows } from './cell';
import { columnLetter, isBlank } from './cell';
import { parseAmount } from './amount';
import { parseDateTime } from './datetime';
import { balanceLabel, isTotalsLabel, sectionDirection } from './markers';
import type { PreambleFacts } from './preamble';
import { readPreamble } from './preamble';
import { parseText } from './text';
import type { ColumnRole, HeaderMatch } from './vocabulary';
import { matchHeader } from './vocabulary';

export type RowKind =
  'preamble' | 'header' | 'numbering' | 'transaction' | 'totals' | 'blank' | 'section' | 'rejected';

export interface HeaderColumn {
  index: number;
  letter: string;
  /** Caption as shown to the investigator: `Плательщик / ИИН/БИН` under a group. */
  caption: string;
  /** The merged group caption above (`Плательщик`), for 2-row headers. */
  group: string | null;
  /** What the vocabulary says about the caption alone; `mapColumns` adds the data's evidence. */
  match: HeaderMatch | null;
}

export interface SectionMarker {
  /** 0-based row index. */
  row: number;
  direction: Direction;
  text: string;
}

export interface DetectedTable {
  /** The sheet's rows (shared, not copied). */
  rows: SheetRows;
  /** The sheet's row classification (shared with `SheetLayout.rowKinds`). */
  rowKinds: RowKind[];
  /** 0-based indices of the 1 or 2 header rows. */
  headerRows: number[];
  numberingRow: number | null;
  /** 0-based, `[dataStart, dataEnd)`; only rows classified `transaction`/`totals` in it are data. */
  dataStart: number;
  dataEnd: number;
  columns: HeaderColumn[];
  /** Facts above this table (later blocks inherit bank, BIC, holder and IIN from the first). */
  preamble: PreambleFacts;
  /** Section markers that apply: the last one above a row sets its direction. */
  sections: SectionMarker[];
  /**
   * Set while the sheet's rows are still arriving and `dataEnd` is only as far as they go: a
   * sample that runs out of rows sets `short` (see sampleRows).
   */
  growing?: { short: boolean };
}

export interface SheetLayout {
  rowKinds: RowKind[];
  tables: DetectedTable[];
  /** Facts from the top of the sheet (the first table's preamble, or the whole sheet if no table). */
  preamble: PreambleFacts;
}

export interface DetectOptions {
  /** Merged ranges as the reader reports them (SheetJS `!merges`). */
  merges?: readonly MergedRange[];
  /** How many rows to search for the first header. Default 300. */
  maxHeaderScan?: number;
}

const KEY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'date',
  'valueDate',
  'amount',
  'credit',
  'debit',
  'amountKzt',
  'cryptoAmount',
  'fiatAmount',
]);
const AMOUNT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'amount',
  'credit',
  'debit',
  'amountKzt',
  'cryptoAmount',
  'fiatAmount',
]);
const DIGITS_ONLY = /^\d{1,3}$/;
const PROBE_ZONE = { zone: 'UTC' } as const;

interface Candidate {
  headerRows: number[];
  columns: HeaderColumn[];
}

/** Rows → tables + a kind for every row. */
export function detectTables(rows: SheetRows, options?: DetectOptions): SheetLayout {
  const detector = new TableDetector(rows, options);
  detector.advance(rows.length, true);
  return detector.layout();
}

/** Rows below a row that deciding its kind may read: a 2nd header row, then a numbering row. */
const LOOKAHEAD = 2;

/**
 * detectTables as a forward pass over rows that may still be arriving (a large CSV is split
 * slice by slice): `advance` classifies what the rows at hand decide, and the result is the same
 * as one pass over the whole sheet. `rows` is the caller's array, read again only above a header
 * (its preamble) and never below `preambleStart` once a table is open.
 */
export class TableDetector {
  readonly rowKinds: RowKind[] = [];
  readonly tables: DetectedTable[] = [];
  /** Rows below the last data or totals row: the next table's preamble if a header follows. */
  preambleStart = 0;
  /** Rows classified so far. */
  classified = 0;
  private readonly merges: readonly MergedRange[];
  private readonly maxScan: number;
  private readonly markers: SectionMarker[] = [];
  private current: DetectedTable | null = null;
  private dateColumn = -1;
  private amountColumns: number[] = [];

  constructor(
    private readonly rows: SheetRows,
    options?: DetectOptions,
  ) {
    this.merges = options?.merges ?? [];
    this.maxScan = options?.maxHeaderScan ?? 300;
  }

  /** Rows `[0, available)` are in `rows`; `final`: no more will come. */
  advance(available: number, final: boolean): void {
    const { rows, rowKinds, merges } = this;
    while (rowKinds.length < available) rowKinds.push('blank');
    const limit = final ? available : available - LOOKAHEAD;
    let r = this.classified;
    for (; r < limit; r++) {
      const row = rows[r] ?? [];
      if (!hasFilled(row)) continue; // already 'blank'

      if (this.current !== null && isDataLike(row, this.dateColumn, this.amountColumns)) {
        rowKinds[r] = 'transaction';
        this.preambleStart = r + 1;
        continue;
      }
      // Counted only here: a data row (nearly every row) needs no more than its first filled cell.
      const filled = countFilled(row);
      const marker = filled <= 2 ? sectionOf(row, r) : null;
      if (marker !== null) {
        rowKinds[r] = 'section';
        this.markers.push(marker);
        continue;
      }
      const totals = this.current !== null ? totalsKind(row) : null;
      if (totals === 'opening') {
        rowKinds[r] = 'preamble'; // an opening balance opens the next account block
        continue;
      }
      if (totals !== null) {
        rowKinds[r] = 'totals';
        this.preambleStart = r + 1;
        continue;
      }
      if (this.current !== null || r < this.maxScan) {
        const candidate = headerAt(rows, r, merges);
        if (candidate !== null) {
          r = this.open(candidate, r, available);
          continue;
        }
      }
      if (this.current === null) {
        rowKinds[r] = 'preamble';
        continue;
      }
      // Inside a table: a short note or a label row belongs to the next block's preamble; anything
      // else is a transaction that failed to look like one, and reading will say why.
      if (filled <= 2 || looksLikePreamble(row)) rowKinds[r] = 'preamble';
      else {
        rowKinds[r] = 'transaction';
        this.preambleStart = r + 1;
      }
    }
    this.classified = Math.max(this.classified, r);
    if (final && this.current !== null) this.current.dataEnd = available;
  }

  /** After the final `advance`. */
  layout(): SheetLayout {
    const first = this.tables[0];
    const preamble = first ? first.preamble : readPreamble(this.rows, 0, this.classified);
    return { rowKinds: this.rowKinds, tables: this.tables, preamble };
  }

  /** Opens the table whose header starts at row r; returns the last row it took (header or numbering). */
  private open(candidate: Candidate, r: number, available: number): number {
    const { rows, rowKinds } = this;
    if (this.current !== null) this.current.dataEnd = this.preambleStart;
    const current = openTable(rows, rowKinds, candidate, this.preambleStart, this.tables);
    this.current = current;
    current.sections = this.markers;
    for (const h of candidate.headerRows) rowKinds[h] = 'header';
    let last = candidate.headerRows[candidate.headerRows.length - 1] ?? r;
    if (isNumberingRow(rows[last + 1] ?? [])) {
      last++;
      rowKinds[last] = 'numbering';
      current.numberingRow = last;
    }
    current.dataStart = last + 1;
    current.dataEnd = available;
    this.preambleStart = last + 1;
    this.dateColumn = roleColumn(current.columns, 'date') ?? roleColumn(current.columns, 'valueDate') ?? -1;
    this.amountColumns = current.columns
      .filter((c) => c.match && AMOUNT_ROLES.has(c.match.role))
      .map((c) => c.index);
    return last;
  }
}

function openTable(
  rows: SheetRows,
  rowKinds: RowKind[],
  candidate: Candidate,
  preambleStart: number,
  tables: DetectedTable[],
): DetectedTable {
  const headerStart = candidate.headerRows[0] ?? 0;
  const own = readPreamble(rows, tables.length === 0 ? 0 : preambleStart, headerStart);
  const first = tables[0]?.preamble;
  if (first) {
    own.bankName ??= first.bankName;
    own.bic ??= first.bic;
    own.holderName ??= first.holderName;
    own.idNumber ??= first.idNumber;
  }
  const table: DetectedTable = {
    rows,
    rowKinds,
    headerRows: candidate.headerRows,
    numberingRow: null,
    dataStart: headerStart + 1,
    dataEnd: rows.length,
    columns: candidate.columns,
    preamble: own,
    sections: [],
  };
  tables.push(table);
  return table;
}

function hasFilled(row: readonly Cell[]): boolean {
  for (const cell of row) if (!isBlank(cell)) return true;
  return false;
}

function countFilled(row: readonly Cell[]): number {
  let n = 0;
  for (const cell of row) if (!isBlank(cell)) n++;
  return n;
}

function roleColumn(columns: readonly HeaderColumn[], role: ColumnRole): number | null {
  for (const column of columns) if (column.match?.role === role) return column.index;
  return null;
}

/** A data row shows a date where the header has its date column (or an amount, without one). */
function isDataLike(row: readonly Cell[], dateColumn: number, amountColumns: readonly number[]): boolean {
  if (dateColumn >= 0) {
    const cell = row[dateColumn];
    return cell !== undefined && cell !== null && parseDateTime(cell, PROBE_ZONE).ok;
  }
  for (const c of amountColumns) {
    const cell = row[c];
    if (cell !== undefined && cell !== null && parseAmount(cell).ok) return true;
  }
  return false;
}

function firstTexts(row: readonly Cell[], limit: number): string[] {
  const texts: string[] = [];
  for (const cell of row) {
    if (typeof cell === 'string' && cell.trim() !== '') texts.push(cell);
    if (texts.length >= limit) break;
  }
  return texts;
}

function totalsKind(row: readonly Cell[]): 'total' | 'opening' | 'closing' | null {
  for (const text of firstTexts(row, 3)) {
    if (isTotalsLabel(text)) return 'total';
    const balance = balanceLabel(text);
    if (balance !== null) return balance;
  }
  return null;
}

function sectionOf(row: readonly Cell[], r: number): SectionMarker | null {
  for (const text of firstTexts(row, 2)) {
    const direction = sectionDirection(text);
    if (direction !== null) return { row: r, direction, text: parseText(text) };
  }
  return null;
}

function looksLikePreamble(row: readonly Cell[]): boolean {
  for (const text of firstTexts(row, 2)) {
    const lower = text.toLowerCase();
    if (lower.includes('выписка') || lower.includes('үзінді') || lower.includes('statement')) return true;
    if (lower.trimEnd().endsWith(':')) return true;
  }
  return false;
}

/** A row of consecutive integers (1,2,3… or 0,1,2…) under a header: column numbers, not data. */
export function isNumberingRow(row: readonly Cell[]): boolean {
  let count = 0;
  let previous = -1;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    let value: number;
    if (typeof cell === 'number') value = cell;
    else if (typeof cell === 'string' && DIGITS_ONLY.test(cell.trim())) value = Number(cell.trim());
    else return false;
    if (count === 0 ? value > 1 : value !== previous + 1) return false;
    previous = value;
    count++;
  }
  return count >= 3;
}

interface RowMatches {
  matched: number;
  hasKey: boolean;
  filled: number;
  numbers: number;
}

function scoreRow(row: readonly Cell[]): RowMatches {
  const roles = new Set<ColumnRole>();
  let hasKey = false;
  let filled = 0;
  let numbers = 0;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    filled++;
    if (typeof cell !== 'string') {
      numbers++;
      continue;
    }
    if (cell.length > 80) continue;
    const match = matchHeader(cell);
    if (match === null) continue;
    roles.add(match.role);
    if (KEY_ROLES.has(match.role)) hasKey = true;
  }
  return { matched: roles.size, hasKey, filled, numbers };
}

/** The header starting at row r (1 or 2 rows), or null. */
function headerAt(rows: SheetRows, r: number, merges: readonly MergedRange[]): Candidate | null {
  const row = rows[r] ?? [];
  const score = scoreRow(row);
  if (score.matched < 3 || !score.hasKey || score.numbers > 1 || score.matched * 2 < score.filled)
    return null;
  const next = rows[r + 1] ?? [];
  const width = Math.max(row.length, next.length);
  if (isSubHeader(next))
    return { headerRows: [r, r + 1], columns: twoRowColumns(row, next, r, width, merges) };
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < row.length; c++) {
    const caption = parseText(row[c]);
    columns.push({
      index: c,
      letter: columnLetter(c),
      caption,
      group: null,
      match: caption ? matchHeader(caption) : null,
    });
  }
  return { headerRows: [r], columns };
}

/** Sub-captions under merged groups: captions, no dates, not a numbering row. */
function isSubHeader(row: readonly Cell[]): boolean {
  let matched = 0;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    if (typeof cell !== 'string') return false;
    if (parseDateTime(cell, PROBE_ZONE).ok || parseAmount(cell).ok) return false;
    if (matchHeader(cell) !== null) matched++;
  }
  return matched >= 2;
}

function twoRowColumns(
  top: readonly Cell[],
  sub: readonly Cell[],
  r: number,
  width: number,
  merges: readonly MergedRange[],
): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const subCaption = parseText(sub[c]);
    const topCaption = parseText(top[c]);
    if (subCaption === '') {
      columns.push({
        index: c,
        letter: columnLetter(c),
        caption: topCaption,
        group: null,
        match: topCaption ? matchHeader(topCaption) : null,
      });
      continue;
    }
    const group = groupCaption(top, r, c, merges);
    columns.push({
      index: c,
      letter: columnLetter(c),
      caption: group ? `${group} / ${subCaption}` : subCaption,
      group,
      match: matchHeader(subCaption, group),
    });
  }
  return columns;
}

/** The caption of the merged cell above column c: from the merge list, else the nearest caption to the left. */
function groupCaption(
  top: readonly Cell[],
  r: number,
  c: number,
  merges: readonly MergedRange[],
): string | null {
  for (const m of merges) {
    if (m.s.r <= r && m.e.r >= r && m.s.c <= c && m.e.c >= c && m.e.c > m.s.c) {
      const text = parseText(top[m.s.c]);
      return text === '' ? null : text;
    }
  }
  if (merges.length > 0) {
    const own = parseText(top[c]);
    return own === '' ? null : own;
  }
  for (let k = c; k >= 0; k--) {
    const text = parseText(top[k]);
    if (text !== '') return text;
  }
  return null;
}
