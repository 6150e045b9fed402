/**
 * Records ↔ columnar blocks, driven by a field list (see schemas.ts). Every block also carries
 * the SHA-256 of the source file each row came from, and an `extra` column for properties the
 * field list does not know (a newer model field): they are kept rather than silently dropped, so
 * writing and reading a case is the identity even when the model grows ahead of this module.
 */
import { ColumnError, decodeColumn, encodeColumn, type Cell, type Column, type FieldType } from './columns';

export interface FieldSpec {
  /** Property name, or `group.key` for a property of a nested object (`counterparty.name`). */
  name: string;
  type: FieldType;
  optional?: boolean;
  /** For string fields with a closed set of values (direction, identifier kind): checked on read. */
  oneOf?: readonly string[];
}

export interface RecordSpec {
  fields: readonly FieldSpec[];
  /** Nested objects every record has (may be empty `{}`), e.g. a transaction's `counterparty`. */
  groups: readonly string[];
}

export interface ColumnBlock {
  rows: number;
  sourceSha256: Column;
  columns: Record<string, Column>;
  /** Unknown properties per row, keyed by name or `group.key`; null when a row has none. */
  extra?: (Record<string, unknown> | null)[];
}

type Obj = Record<string, unknown>;

interface Compiled {
  fields: { spec: FieldSpec; top: string; sub: string | undefined }[];
  knownTop: Set<string>;
  knownSub: Map<string, Set<string>>;
  groups: readonly string[];
  /** Field index by top-level name; -1 for a group. */
  topIndex: Map<string, number>;
  /** Field index by key, per group. */
  subIndex: Map<string, Map<string, number>>;
}

const compiled = new WeakMap<RecordSpec, Compiled>();

function compile(spec: RecordSpec): Compiled {
  let c = compiled.get(spec);
  if (c) return c;
  const knownTop = new Set<string>(spec.groups);
  const knownSub = new Map<string, Set<string>>(spec.groups.map((g) => [g, new Set<string>()]));
  const fields = spec.fields.map((f) => {
    const dot = f.name.indexOf('.');
    const top = dot < 0 ? f.name : f.name.slice(0, dot);
    const sub = dot < 0 ? undefined : f.name.slice(dot + 1);
    if (sub === undefined) knownTop.add(top);
    else knownSub.get(top)?.add(sub);
    return { spec: f, top, sub };
  });
  const topIndex = new Map<string, number>(spec.groups.map((g) => [g, -1]));
  const subIndex = new Map<string, Map<string, number>>(spec.groups.map((g) => [g, new Map()]));
  fields.forEach(({ top, sub }, i) => {
    if (sub === undefined) topIndex.set(top, i);
    else subIndex.get(top)?.set(sub, i);
  });
  c = { fields, knownTop, knownSub, groups: spec.groups, topIndex, subIndex };
  compiled.set(spec, c);
  return c;
}

/** Thrown for records the spec cannot store; `row` is the index within the block. */
export class RecordError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

function isPlainObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkCell(type: FieldType, v: unknown): boolean {
  switch (type) {
    case 'number':
    case 'sequence':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
  }
}

export function encodeBlock(
  spec: RecordSpec,
  records: readonly object[],
  sources: readonly string[],
): ColumnBlock {
  const c = compile(spec);
  const recs = records as readonly Obj[];
  const rows = recs.length;
  for (const g of c.groups)
    for (let i = 0; i < rows; i++)
      if (!isPlainObject((recs[i] as Obj)[g])) throw new RecordError(i, `${g} must be an object`);

  const read = readRecords(c, recs);
  if (read !== null) {
    const columns: Record<string, Column> = {};
    c.fields.forEach(({ spec: field }, f) => {
      columns[field.name] = encodeColumn(field.type, read.cells[f] as Cell[]);
    });
    const block: ColumnBlock = { rows, sourceSha256: encodeColumn('string', sources), columns };
    if (read.extra) block.extra = read.extra;
    return block;
  }
  return encodeBlockChecked(c, recs, sources);
}

/**
 * Every record's properties in one walk each: a record's own key list is cached by V8 per shape,
 * while reading one named property across records of many shapes (optional fields make many)
 * goes through the slow megamorphic path — ~125 ns a read, 20+ reads a transaction. Null when a
 * record does not fit the spec; `encodeBlockChecked` then finds the first fault in field order.
 */
function readRecords(
  c: Compiled,
  recs: readonly Obj[],
): { cells: Cell[][]; extra: (Obj | null)[] | undefined } | null {
  const rows = recs.length;
  const fields = c.fields;
  const cells = fields.map(() => new Array<Cell>(rows).fill(undefined));
  let extra: (Obj | null)[] | undefined;
  for (let i = 0; i < rows; i++) {
    const rec = recs[i] as Obj;
    let rowExtra: Obj | null = null;
    for (const key in rec) {
      const v = rec[key];
      if (v === undefined) continue;
      const f = c.topIndex.get(key);
      if (f === undefined) {
        if (Object.hasOwn(rec, key)) (rowExtra ??= {})[key] = v;
      } else if (f >= 0) {
        if (!checkCell((fields[f] as Compiled['fields'][number]).spec.type, v)) return null;
        (cells[f] as Cell[])[i] = v as Cell;
      }
    }
    for (const g of c.groups) {
      const obj = rec[g] as Obj;
      const index = c.subIndex.get(g) as Map<string, number>;
      for (const key in obj) {
        const v = obj[key];
        if (v === undefined) continue;
        const f = index.get(key);
        if (f === undefined) {
          if (Object.hasOwn(obj, key)) (rowExtra ??= {})[`${g}.${key}`] = v;
        } else {
          if (!checkCell((fields[f] as Compiled['fields'][number]).spec.type, v)) return null;
          (cells[f] as Cell[])[i] = v as Cell;
        }
      }
    }
    if (rowExtra) (extra ??= new Array<Obj | null>(rows).fill(null))[i] = rowExtra;
  }
  for (let f = 0; f < fields.length; f++) {
    if ((fields[f] as Compiled['fields'][number]).spec.optional) continue;
    const column = cells[f] as Cell[];
    for (let i = 0; i < rows; i++) if (column[i] === undefined) return null;
  }
  return { cells, extra };
}

/** Field by field, so the error names the first field (in spec order) a record gets wrong. */
function encodeBlockChecked(c: Compiled, recs: readonly Obj[], sources: readonly string[]): ColumnBlock {
  const rows = recs.length;
  // Present fields are counted per row so only rows with more own keys than that are scanned for extras.
  const knownTop = new Uint16Array(rows).fill(c.groups.length);
  const knownSub = new Map(c.groups.map((g) => [g, new Uint16Array(rows)]));
  const columns: Record<string, Column> = {};
  for (const { spec: field, top, sub } of c.fields) {
    const cells = new Array<Cell>(rows);
    const counts = sub === undefined ? knownTop : (knownSub.get(top) as Uint16Array);
    for (let i = 0; i < rows; i++) {
      const rec = recs[i] as Obj;
      const v = sub === undefined ? rec[top] : (rec[top] as Obj)[sub];
      if (v === undefined) {
        if (!field.optional) throw new RecordError(i, `${field.name} is missing`);
      } else {
        if (!checkCell(field.type, v))
          throw new RecordError(i, `${field.name} must be a ${field.type}, found ${JSON.stringify(v)}`);
        counts[i] = (counts[i] as number) + 1;
      }
      cells[i] = v as Cell;
    }
    columns[field.name] = encodeColumn(field.type, cells);
  }

  let extra: (Obj | null)[] | undefined;
  for (let i = 0; i < rows; i++) {
    const rec = recs[i] as Obj;
    let rowExtra: Obj | null = null;
    if (Object.keys(rec).length !== knownTop[i]) rowExtra = unknownKeys(rec, c.knownTop, '', rowExtra);
    for (const g of c.groups) {
      const obj = rec[g] as Obj;
      if (Object.keys(obj).length !== (knownSub.get(g) as Uint16Array)[i])
        rowExtra = unknownKeys(obj, c.knownSub.get(g) as Set<string>, `${g}.`, rowExtra);
    }
    if (rowExtra) (extra ??= new Array<Obj | null>(rows).fill(null))[i] = rowExtra;
  }

  const block: ColumnBlock = { rows, sourceSha256: encodeColumn('string', sources), columns };
  if (extra) block.extra = extra;
  return block;
}

/** Own properties not in `known` (undefined values are absent, as in JSON). */
function unknownKeys(obj: Obj, known: Set<string>, prefix: string, into: Obj | null): Obj | null {
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v !== undefined && !known.has(key)) (into ??= {})[prefix + key] = v;
  }
  return into;
}

/** Thrown with the column that is wrong; the reader adds the table name. */
export class BlockError extends Error {}

export function decodeBlock<T>(spec: RecordSpec, raw: unknown): { records: T[]; sources: string[] } {
  const c = compile(spec);
  if (!isPlainObject(raw)) throw new BlockError('block is not an object');
  const rows = raw.rows;
  if (typeof rows !== 'number' || !Number.isSafeInteger(rows) || rows < 0)
    throw new BlockError('block has no valid row count');
  const columns = raw.columns;
  if (!isPlainObject(columns)) throw new BlockError('block has no columns');
  for (const name of Object.keys(columns)) {
    if (!c.fields.some((f) => f.spec.name === name)) throw new BlockError(`unknown column ${name}`);
  }
  const decoded = c.fields.map(({ spec: field }) => {
    if (!(field.name in columns)) throw new BlockError(`column ${field.name} is missing`);
    return withColumn(field.name, () => decodeColumn(field.type, columns[field.name], rows));
  });
  const sources = withColumn('sourceSha256', () => decodeColumn('string', raw.sourceSha256, rows));
  const extra = raw.extra;
  if (extra !== undefined) {
    if (!Array.isArray(extra) || extra.length !== rows)
      throw new BlockError('extra does not match row count');
    if (!extra.every((e) => e === null || isPlainObject(e))) throw new BlockError('extra holds a non-object');
  }

  // Built column by column for the same reason the encoder reads that way.
  const recs = new Array<Obj>(rows);
  for (let i = 0; i < rows; i++) {
    if (sources[i] === undefined) throw new BlockError(`row ${i} has no sourceSha256`);
    const rec: Obj = {};
    for (const g of c.groups) rec[g] = {};
    recs[i] = rec;
  }
  for (let f = 0; f < c.fields.length; f++) {
    const { spec: field, top, sub } = c.fields[f] as Compiled['fields'][number];
    const cells = decoded[f] as Cell[];
    const oneOf = field.oneOf;
    for (let i = 0; i < rows; i++) {
      const v = cells[i];
      if (v === undefined) {
        if (!field.optional) throw new BlockError(`row ${i}: ${field.name} is missing`);
        continue;
      }
      if (oneOf && !oneOf.includes(v as string))
        throw new BlockError(
          `row ${i}: ${field.name} ${JSON.stringify(v)} is not one of ${oneOf.join(', ')}`,
        );
      if (sub === undefined) (recs[i] as Obj)[top] = v;
      else ((recs[i] as Obj)[top] as Obj)[sub] = v;
    }
  }
  if (extra)
    (extra as (Obj | null)[]).forEach((e, i) => {
      if (e) for (const [key, v] of Object.entries(e)) putExtra(c, recs[i] as Obj, key, v);
    });
  return { records: recs as T[], sources: sources as string[] };
}

function putExtra(c: Compiled, rec: Obj, key: string, v: unknown): void {
  const dot = key.indexOf('.');
  const group = dot < 0 ? undefined : key.slice(0, dot);
  const target = group !== undefined && c.knownSub.has(group) ? (rec[group] as Obj) : rec;
  const name = target === rec ? key : key.slice((dot as number) + 1);
  // defineProperty: a key named "__proto__" must become data, never the object's prototype.
  Object.defineProperty(target, name, { value: v, enumerable: true, writable: true, configurable: true });
}

function withColumn<T>(name: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ColumnError) throw new BlockError(`column ${name} ${e.message}`);
    throw e;
  }
}
