/**
 * Bytes for records whose bulk is typed-array columns (transaction blocks): the arrays' raw bytes
 * are copied as they are, and only the rest (counts, small lists) goes through JSON — one
 * JSON.stringify per block, never per row. Raw bytes keep every Float64 exactly, NaN included.
 * Long string columns (a block's 20,000 payment purposes, at the top level or one object down)
 * are written as their UTF-8 text and each string's length: JSON.stringify escapes and quotes
 * every character, which made it most of a million-row import's encryption step.
 *
 * Layout: u8 format version | 3 zero bytes | u32 LE header length | UTF-8 JSON header | padding to
 * 8 | each column's bytes, each padded to 8 (so a reader could also map them without copying) |
 * (version 2) per text column: its strings' UTF-16 lengths (u32), then its UTF-8 text, each
 * padded to 8. (Version 3) a text column that repeats itself — a counterparty's bank, the
 * statement's own account, a name seen on hundreds of rows — is written as a dictionary: the
 * distinct strings as above, then each row's index into them (u16, or u32 past 65,536 strings).
 * That took a million-row statement's blocks from 2.9 to 1.6 MB each, and a block read back
 * shares one string per distinct value instead of making one per row. Versions 1 (no text
 * columns) and 2 (no dictionaries) are still read.
 */
import type { TransactionBlock } from '../store/transaction-block';
import { utf8 } from './webcrypto';

const FORMAT_VERSION = 3;
const PREFIX_BYTES = 8;
/** Shorter string columns stay in the JSON header: not worth a section of their own. */
const TEXT_COLUMN_MIN = 64;

const ARRAY_TYPES = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  i16: Int16Array,
  u16: Uint16Array,
  i8: Int8Array,
  u8: Uint8Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type Column = [name: string, type: ArrayTypeName, length: number];
/** Where a text column goes back: a top-level property, or a key of a top-level object. */
type TextPath = [name: string] | [name: string, key: string];
/** `distinct`: present for a dictionary column, the number of strings its indexes point into. */
type TextColumn =
  | [path: TextPath, count: number, utf8Bytes: number]
  | [path: TextPath, count: number, utf8Bytes: number, distinct: number];
interface Header {
  fields: Record<string, unknown>;
  columns: Column[];
  texts?: TextColumn[];
}

// Typed arrays are written in platform byte order; every host MoneyTrail runs on is little-endian.
// Refuse rather than silently write bytes another machine would misread.
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const requireLittleEndian = () => {
  if (!littleEndian) throw new Error('Columnar encoding requires a little-endian platform');
};

const align8 = (n: number) => (n + 7) & ~7;

function typeOf(value: ArrayBufferView): ArrayTypeName {
  for (const [name, type] of Object.entries(ARRAY_TYPES)) {
    if (value instanceof type) return name as ArrayTypeName;
  }
  throw new Error(`Unsupported binary column type ${value.constructor.name}`);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** UTF-8 gives the text back exactly only when it has no lone surrogate (SheetJS can yield one). */
const wellFormed = (text: string): boolean =>
  typeof (text as { isWellFormed?: () => boolean }).isWellFormed === 'function'
    ? (text as unknown as { isWellFormed: () => boolean }).isWellFormed()
    : !LONE_SURROGATE.test(text);

interface EncodedText {
  path: TextPath;
  /** Rows in the column. */
  count: number;
  /** UTF-16 lengths of the strings written: every row's, or a dictionary's. */
  lengths: Uint32Array;
  /** Where the UTF-8 of those strings lies in the record's TextScratch. */
  start: number;
  byteLength: number;
  /** A dictionary column: each row's index into the strings written. */
  indexes?: Uint16Array | Uint32Array;
}

const encoder = new TextEncoder();

/**
 * Where a record's text columns are written as UTF-8 until the record's bytes are put together:
 * one buffer, reused record after record. A fresh buffer per column (`TextEncoder.encode`) made a
 * million-row import allocate ~300 MB of short-lived buffers outside the JS heap, and V8 answers
 * each 64 MB of those with a full collection of the whole heap: seconds, at that size.
 */
let scratchBytes = new Uint8Array(1 << 20);
/** A larger buffer (a record with a huge text column) is let go once that record is written. */
const SCRATCH_KEPT_BYTES = 16 << 20;

class TextScratch {
  used = 0;

  /** Appends `text` as UTF-8; returns where it starts. */
  append(text: string): number {
    const start = this.used;
    // UTF-8 takes at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
    const needed = start + 3 * text.length;
    if (needed > scratchBytes.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * scratchBytes.length));
      grown.set(scratchBytes.subarray(0, start));
      scratchBytes = grown;
    }
    this.used += encoder.encodeInto(text, scratchBytes.subarray(start)).written;
    return start;
  }

  bytes(start: number, byteLength: number): Uint8Array {
    return scratchBytes.subarray(start, start + byteLength);
  }

  release(): void {
    if (scratchBytes.length > SCRATCH_KEPT_BYTES) scratchBytes = new Uint8Array(1 << 20);
  }
}

/** The column as lengths and UTF-8 (in `scratch`), or null when it must stay JSON. */
function textColumn(path: TextPath, value: unknown, scratch: TextScratch): EncodedText | null {
  if (!Array.isArray(value) || value.length < TEXT_COLUMN_MIN) return null;
  for (const item of value as unknown[]) if (typeof item !== 'string') return null;
  const rows = value as string[];
  const dictionary = dictionaryOf(rows);
  const strings = dictionary?.strings ?? rows;
  const lengths = new Uint32Array(strings.length);
  for (let i = 0; i < strings.length; i++) lengths[i] = (strings[i] as string).length;
  const joined = strings.join('');
  if (!wellFormed(joined)) return null;
  const start = scratch.append(joined);
  const encoded: EncodedText = { path, count: rows.length, lengths, start, byteLength: scratch.used - start };
  if (dictionary) encoded.indexes = dictionary.indexes;
  return encoded;
}

/** The distinct strings and each row's index into them; null when fewer than half the rows repeat one. */
function dictionaryOf(
  rows: readonly string[],
): { strings: string[]; indexes: Uint16Array | Uint32Array } | null {
  const limit = rows.length >> 1;
  const index = new Map<string, number>();
  const at = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const text = rows[i] as string;
    let k = index.get(text);
    if (k === undefined) {
      if (index.size === limit) return null;
      index.set(text, (k = index.size));
    }
    at[i] = k;
  }
  return { strings: [...index.keys()], indexes: index.size <= 0x10000 ? Uint16Array.from(at) : at };
}

/** Top-level typed-array properties become binary columns; every other property must be JSON-safe. */
export function encodeColumnarBytes(record: Readonly<Record<string, unknown>>): Uint8Array {
  requireLittleEndian();
  const header: Header = { fields: {}, columns: [] };
  const arrays: ArrayBufferView[] = [];
  const texts: EncodedText[] = [];
  const scratch = new TextScratch();
  for (const [name, value] of Object.entries(record)) {
    if (ArrayBuffer.isView(value)) {
      header.columns.push([name, typeOf(value), (value as Uint8Array).length]);
      arrays.push(value);
      continue;
    }
    const text = textColumn([name], value, scratch);
    if (text) {
      texts.push(text);
      continue;
    }
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      // One level down (a block's `text` columns): long string lists leave, the rest stays JSON.
      const rest: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        const column = textColumn([name, key], inner, scratch);
        if (column) texts.push(column);
        else rest[key] = inner;
      }
      header.fields[name] = rest;
      continue;
    }
    header.fields[name] = value;
  }
  if (texts.length > 0)
    header.texts = texts.map((t) =>
      t.indexes ? [t.path, t.count, t.byteLength, t.lengths.length] : [t.path, t.count, t.byteLength],
    );
  const json = utf8(JSON.stringify(header));
  let size = align8(PREFIX_BYTES + json.length);
  for (const array of arrays) size += align8(array.byteLength);
  for (const text of texts)
    size += align8(text.lengths.byteLength) + align8(text.byteLength) + align8(text.indexes?.byteLength ?? 0);
  const out = new Uint8Array(size);
  out[0] = FORMAT_VERSION;
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, PREFIX_BYTES);
  let offset = align8(PREFIX_BYTES + json.length);
  const put = (bytes: Uint8Array): void => {
    out.set(bytes, offset);
    offset += align8(bytes.length);
  };
  for (const array of arrays) put(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  for (const text of texts) {
    put(new Uint8Array(text.lengths.buffer));
    put(scratch.bytes(text.start, text.byteLength));
    if (text.indexes) put(new Uint8Array(text.indexes.buffer, 0, text.indexes.byteLength));
  }
  scratch.release();
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Each column gets its own copy of its bytes, so it can be transferred to or from a worker alone. */
export function decodeColumnarBytes(bytes: Uint8Array): Record<string, unknown> {
  requireLittleEndian();
  const fail = (why: string): never => {
    throw new Error(`Malformed columnar record: ${why}`);
  };
  if (bytes.length < PREFIX_BYTES) fail('too short');
  const version = bytes[0];
  if (version !== 1 && version !== 2 && version !== FORMAT_VERSION) fail(`unknown format version ${version}`);
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (PREFIX_BYTES + jsonLength > bytes.length) fail('header runs past the end');
  const header = JSON.parse(
    decoder.decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + jsonLength)),
  ) as Header;
  if (!header || typeof header.fields !== 'object' || !Array.isArray(header.columns)) fail('bad header');
  const record: Record<string, unknown> = { ...header.fields };
  let offset = align8(PREFIX_BYTES + jsonLength);
  const take = (byteLength: number, what: string): Uint8Array => {
    if (!Number.isSafeInteger(byteLength) || byteLength < 0 || offset + byteLength > bytes.length)
      fail(`${what} runs past the end`);
    const part = bytes.subarray(offset, offset + byteLength);
    offset += align8(byteLength);
    return part;
  };
  for (const [name, typeName, length] of header.columns) {
    const type = Object.hasOwn(ARRAY_TYPES, typeName)
      ? ARRAY_TYPES[typeName]
      : fail(`unknown type ${typeName}`);
    if (!Number.isSafeInteger(length) || length < 0) fail(`column ${name} runs past the end`);
    record[name] = new type(take(length * type.BYTES_PER_ELEMENT, `column ${name}`).slice().buffer);
  }
  const texts = header.texts ?? [];
  if (!Array.isArray(texts) || (version === 1 && texts.length > 0)) fail('bad text columns');
  for (const [path, count, utf8Bytes, distinct] of texts) {
    const name = Array.isArray(path) ? path.join('.') : '?';
    if (
      distinct !== undefined &&
      (version !== FORMAT_VERSION || !Number.isSafeInteger(distinct) || distinct < 0)
    )
      fail(`text column ${name} has a bad dictionary`);
    const strings = distinct ?? count;
    const lengths = new Uint32Array(take(4 * strings, `text column ${name}`).slice().buffer);
    const text = decoder.decode(take(utf8Bytes, `text column ${name}`));
    const list = new Array<string>(strings);
    let at = 0;
    for (let i = 0; i < strings; i++) {
      const end = at + (lengths[i] as number);
      list[i] = text.slice(at, end);
      at = end;
    }
    if (at !== text.length) fail(`text column ${name} has lengths that do not add up`);
    putText(record, path, distinct === undefined ? list : rowsOf(list, count, take, name, fail), fail);
  }
  if (offset !== bytes.length) fail('trailing bytes');
  return record;
}

/** A dictionary column's rows, from the index section that follows its strings. */
function rowsOf(
  dictionary: readonly string[],
  count: number,
  take: (byteLength: number, what: string) => Uint8Array,
  name: string,
  fail: (why: string) => never,
): string[] {
  const wide = dictionary.length > 0x10000;
  const bytes = take((wide ? 4 : 2) * count, `text column ${name}`).slice();
  const indexes = wide ? new Uint32Array(bytes.buffer) : new Uint16Array(bytes.buffer);
  const rows = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const text = dictionary[indexes[i] as number];
    if (text === undefined) fail(`text column ${name} points past its dictionary`);
    rows[i] = text as string;
  }
  return rows;
}

function putText(
  record: Record<string, unknown>,
  path: unknown,
  list: string[],
  fail: (why: string) => never,
): void {
  const safe = (key: unknown): key is string => typeof key === 'string' && key !== '__proto__';
  if (!Array.isArray(path) || path.length < 1 || path.length > 2 || !path.every(safe))
    fail('bad text column path');
  const [name, key] = path as [string, string | undefined];
  if (key === undefined) {
    record[name] = list;
    return;
  }
  const holder = record[name];
  if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) fail('bad text column path');
  (holder as Record<string, unknown>)[key] = list;
}

export const encodeBlockBytes = (block: TransactionBlock): Uint8Array =>
  encodeColumnarBytes(block as unknown as Record<string, unknown>);

const BLOCK_COLUMNS: readonly [keyof TransactionBlock, ArrayTypeName][] = [
  ['bookedAt', 'f64'],
  ['amountMinor', 'f64'],
  ['amountKztMinor', 'f64'],
  ['balanceMinor', 'f64'],
  ['directionIn', 'u8'],
  ['hasTime', 'u8'],
  ['row', 'u32'],
  ['sheet', 'u16'],
  ['currency', 'u16'],
];

const isStrings = (value: unknown, length?: number): value is string[] =>
  Array.isArray(value) &&
  (length === undefined || value.length === length) &&
  value.every((item) => typeof item === 'string');

/** Decodes and checks the TransactionBlock shape, so a damaged block fails here, not in a query. */
export function decodeBlockBytes(bytes: Uint8Array): TransactionBlock {
  const record = decodeColumnarBytes(bytes);
  const count = record.count;
  const fail = (why: string): never => {
    throw new Error(`Malformed transaction block: ${why}`);
  };
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) fail('bad count');
  for (const [name, typeName] of BLOCK_COLUMNS) {
    const column = record[name];
    if (!(column instanceof ARRAY_TYPES[typeName]) || column.length !== count) fail(`bad column ${name}`);
  }
  if (!isStrings(record.dictionary)) fail('bad dictionary');
  if (!isStrings(record.description, count as number)) fail('bad descriptions');
  const text = record.text;
  if (!text || typeof text !== 'object' || !Object.values(text).every((v) => isStrings(v, count as number)))
    fail('bad text columns');
  return record as unknown as TransactionBlock;
}
