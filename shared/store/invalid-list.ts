import type { IdentifierKind } from '../identifiers/types';
import type { InvalidMention, MentionRole } from '../model/statement';
import { StringTable } from './string-table';

/**
 * A source's invalid identifiers as columns, for sealing apart from the source's record. A
 * million-row statement has ~330,000 of them; as JSON they were ~60 MB, written and parsed again
 * whole (~1 s each way). Their kinds, reasons, messages, sheets and roles are a few dozen distinct
 * strings, so each row keeps indexes into one list of them; only the look-alike as written (`raw`)
 * is a string per row. Every string is kept exactly, whatever it is.
 */
export interface InvalidColumns {
  count: number;
  raw: string[];
  /** Distinct strings the index columns point into. */
  labels: string[];
  sheet: Uint32Array;
  row: Float64Array;
  /** NONE where the row has no column letter. */
  column: Uint32Array;
  kind: Uint32Array;
  reason: Uint32Array;
  message: Uint32Array;
  /** NONE where no role was recorded. */
  role: Uint32Array;
}

const NONE = 0xffffffff;

export function encodeInvalidColumns(list: readonly InvalidMention[]): InvalidColumns {
  const count = list.length;
  const labels = new StringTable();
  const columns: InvalidColumns = {
    count,
    raw: new Array<string>(count),
    labels: labels.strings,
    sheet: new Uint32Array(count),
    row: new Float64Array(count),
    column: new Uint32Array(count),
    kind: new Uint32Array(count),
    reason: new Uint32Array(count),
    message: new Uint32Array(count),
    role: new Uint32Array(count),
  };
  for (let i = 0; i < count; i++) {
    const item = list[i] as InvalidMention;
    columns.raw[i] = item.raw;
    columns.sheet[i] = labels.of(item.sheet);
    columns.row[i] = item.row;
    columns.column[i] = item.column === undefined ? NONE : labels.of(item.column);
    columns.kind[i] = labels.of(item.kind);
    columns.reason[i] = labels.of(item.reason);
    columns.message[i] = labels.of(item.message);
    columns.role[i] = item.role === undefined ? NONE : labels.of(item.role);
  }
  return columns;
}

const INDEX_COLUMNS = ['sheet', 'column', 'kind', 'reason', 'message', 'role'] as const;

/** The list back, in its order; a record that is not one (damaged, another shape) is refused. */
export function decodeInvalidColumns(record: Readonly<Record<string, unknown>>): InvalidMention[] {
  const fail = (why: string): never => {
    throw new Error(`Malformed invalid-identifier list: ${why}`);
  };
  const { count, raw, labels, row } = record;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) fail('bad count');
  const n = count as number;
  const strings = (value: unknown, length?: number): value is string[] =>
    Array.isArray(value) &&
    (length === undefined || value.length === length) &&
    value.every((item) => typeof item === 'string');
  if (!strings(raw, n)) fail('bad raw column');
  if (!strings(labels)) fail('bad labels');
  if (!(row instanceof Float64Array) || row.length !== n) fail('bad row column');
  const words = labels as string[];
  const indexes = {} as Record<(typeof INDEX_COLUMNS)[number], Uint32Array>;
  for (const name of INDEX_COLUMNS) {
    const column = record[name];
    if (!(column instanceof Uint32Array) || column.length !== n) fail(`bad ${name} column`);
    const optional = name === 'column' || name === 'role';
    for (const i of column as Uint32Array)
      if (i >= words.length && !(optional && i === NONE)) fail(`${name} index ${i} out of range`);
    indexes[name] = column as Uint32Array;
  }
  const out = new Array<InvalidMention>(n);
  for (let i = 0; i < n; i++) {
    const item: InvalidMention = {
      sheet: words[indexes.sheet[i] as number] as string,
      row: (row as Float64Array)[i] as number,
      kind: words[indexes.kind[i] as number] as IdentifierKind,
      raw: (raw as string[])[i] as string,
      reason: words[indexes.reason[i] as number] as string,
      message: words[indexes.message[i] as number] as string,
    };
    const column = indexes.column[i] as number;
    if (column !== NONE) item.column = words[column] as string;
    const role = indexes.role[i] as number;
    if (role !== NONE) item.role = words[role] as MentionRole;
    out[i] = item;
  }
  return out;
}
