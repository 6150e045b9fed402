/**
 * One column of a columnar block. Arrays of primitives parse several times faster than arrays of
 * objects and repeat no key names, which is what keeps a million transactions in seconds and
 * megabytes. The encoder picks the cheapest representation per column and block; the decoder
 * checks every value against the field's declared type, so a malformed block is refused rather
 * than producing transactions with the wrong types.
 */
export type FieldType = 'number' | 'sequence' | 'string' | 'boolean';

export type Column =
  /** No row has the field. */
  | { enc: 'absent' }
  /** Numbers; null = field absent on that row. */
  | { enc: 'number'; values: (number | null)[] }
  /** Safe integers present on every row, stored as first value then differences (row numbers, times). */
  | { enc: 'delta'; values: number[] }
  | { enc: 'string'; values: (string | null)[] }
  /** Few distinct strings (currency, sheet, bank): indexes into `dict`; -1 = field absent. */
  | { enc: 'dict'; dict: string[]; index: number[] }
  /** 1 / 0; null = absent. */
  | { enc: 'boolean'; values: (0 | 1 | null)[] };

/** A value as the encoder sees it; undefined means the row does not have the field. */
export type Cell = number | string | boolean | undefined;

export function encodeColumn(type: FieldType, cells: readonly Cell[]): Column {
  let present = 0;
  for (const c of cells) if (c !== undefined) present++;
  if (present === 0) return { enc: 'absent' };
  switch (type) {
    case 'number':
      return { enc: 'number', values: cells.map((c) => (c === undefined ? null : (c as number))) };
    case 'sequence':
      return present === cells.length ? deltaColumn(cells as number[]) : numberColumn(cells);
    case 'boolean':
      return { enc: 'boolean', values: cells.map((c) => (c === undefined ? null : c ? 1 : 0)) };
    case 'string':
      return stringColumn(cells as (string | undefined)[]);
  }
}

function numberColumn(cells: readonly Cell[]): Column {
  return { enc: 'number', values: cells.map((c) => (c === undefined ? null : (c as number))) };
}

function deltaColumn(values: number[]): Column {
  // Differences of safe integers can leave the safe range only if the inputs are huge; keep those plain.
  const out = new Array<number>(values.length);
  let prev = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const d = v - prev;
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(d)) return numberColumn(values);
    out[i] = d;
    prev = v;
  }
  return { enc: 'delta', values: out };
}

/** Values looked at before deciding that a column hardly repeats (15 in 16 of them distinct). */
const UNIQUE_PROBE = 4096;

function stringColumn(cells: readonly (string | undefined)[]): Column {
  const ids = new Map<string, number>();
  const index = new Array<number>(cells.length);
  // Dictionary pays off when values repeat; give up as soon as it is clear they mostly do not:
  // past half the block, or when the first few thousand values were nearly all different (a
  // column of unique payment purposes would otherwise fill the map with 25,000 strings first).
  const limit = Math.max(16, cells.length >> 1);
  let present = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === undefined) {
      index[i] = -1;
      continue;
    }
    present++;
    let id = ids.get(c);
    if (id === undefined) {
      if (ids.size >= limit || (present === UNIQUE_PROBE && ids.size >= UNIQUE_PROBE - UNIQUE_PROBE / 16))
        return { enc: 'string', values: cells.map((v) => v ?? null) };
      id = ids.size;
      ids.set(c, id);
    }
    index[i] = id;
  }
  return { enc: 'dict', dict: [...ids.keys()], index };
}

/** Thrown by decodeColumn with a short reason; the reader adds table and column names. */
export class ColumnError extends Error {}

const isArray = Array.isArray;

/** Decodes into one cell per row, checking length, encoding and every value's type. */
export function decodeColumn(type: FieldType, raw: unknown, rows: number): Cell[] {
  if (raw === null || typeof raw !== 'object') throw new ColumnError('is not an object');
  const col = raw as Record<string, unknown>;
  switch (col.enc) {
    case 'absent':
      return new Array<Cell>(rows).fill(undefined);
    case 'number':
      if (type !== 'number' && type !== 'sequence') break;
      return mapValues(col.values, rows, (v) => (v === null ? undefined : finiteNumber(v)));
    case 'delta': {
      if (type !== 'sequence') break;
      let acc = 0;
      return mapValues(col.values, rows, (v) => {
        acc += finiteNumber(v);
        if (!Number.isSafeInteger(acc)) throw new ColumnError('delta sum is not a safe integer');
        return acc;
      });
    }
    case 'boolean':
      if (type !== 'boolean') break;
      return mapValues(col.values, rows, (v) => {
        if (v === null) return undefined;
        if (v === 0 || v === 1) return v === 1;
        throw new ColumnError(`expected 0, 1 or null, found ${JSON.stringify(v)}`);
      });
    case 'string':
      if (type !== 'string') break;
      return mapValues(col.values, rows, (v) => (v === null ? undefined : string(v)));
    case 'dict': {
      if (type !== 'string') break;
      const dict = col.dict;
      if (!isArray(dict)) throw new ColumnError('dict is not an array');
      for (const d of dict) string(d);
      const words = dict as string[];
      return mapValues(col.index, rows, (v) => {
        if (v === -1) return undefined;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= words.length)
          throw new ColumnError(`dictionary index ${JSON.stringify(v)} out of range`);
        return words[v];
      });
    }
  }
  throw new ColumnError(`encoding ${JSON.stringify(col.enc)} is not valid for a ${type} column`);
}

function mapValues(values: unknown, rows: number, f: (v: unknown) => Cell): Cell[] {
  if (!isArray(values)) throw new ColumnError('values is not an array');
  if (values.length !== rows) throw new ColumnError(`has ${values.length} values, block has ${rows} rows`);
  const out = new Array<Cell>(rows);
  for (let i = 0; i < rows; i++) out[i] = f(values[i]);
  return out;
}

function finiteNumber(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ColumnError(`expected a number, found ${JSON.stringify(v)}`);
  return v;
}

function string(v: unknown): string {
  if (typeof v !== 'string') throw new ColumnError(`expected a string, found ${JSON.stringify(v)}`);
  return v;
}
