/**
 * Bytes for records whose bulk is typed-array columns (transaction blocks): the arrays' raw bytes
 * are copied as they are, and only the rest (string columns, counts) goes through JSON — one
 * JSON.stringify per block, never per row. Raw bytes keep every Float64 exactly, NaN included.
 *
 * Layout: u8 format version | 3 zero bytes | u32 LE header length | UTF-8 JSON header | padding to
 * 8 | each column's bytes, each padded to 8 (so a reader could also map them without copying).
 */
import type { TransactionBlock } from '../store/transaction-block';
import { utf8 } from './webcrypto';

const FORMAT_VERSION = 1;
const PREFIX_BYTES = 8;

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
interface Header {
  fields: Record<string, unknown>;
  columns: Column[];
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

/** Top-level typed-array properties become binary columns; every other property must be JSON-safe. */
export function encodeColumnarBytes(record: Readonly<Record<string, unknown>>): Uint8Array {
  requireLittleEndian();
  const header: Header = { fields: {}, columns: [] };
  const arrays: ArrayBufferView[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (ArrayBuffer.isView(value)) {
      header.columns.push([name, typeOf(value), (value as Uint8Array).length]);
      arrays.push(value);
    } else {
      header.fields[name] = value;
    }
  }
  const json = utf8(JSON.stringify(header));
  let size = align8(PREFIX_BYTES + json.length);
  for (const array of arrays) size += align8(array.byteLength);
  const out = new Uint8Array(size);
  out[0] = FORMAT_VERSION;
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, PREFIX_BYTES);
  let offset = align8(PREFIX_BYTES + json.length);
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += align8(array.byteLength);
  }
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
  if (bytes[0] !== FORMAT_VERSION) fail(`unknown format version ${bytes[0]}`);
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (PREFIX_BYTES + jsonLength > bytes.length) fail('header runs past the end');
  const header = JSON.parse(
    decoder.decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + jsonLength)),
  ) as Header;
  if (!header || typeof header.fields !== 'object' || !Array.isArray(header.columns)) fail('bad header');
  const record: Record<string, unknown> = { ...header.fields };
  let offset = align8(PREFIX_BYTES + jsonLength);
  for (const [name, typeName, length] of header.columns) {
    const type = Object.hasOwn(ARRAY_TYPES, typeName)
      ? ARRAY_TYPES[typeName]
      : fail(`unknown type ${typeName}`);
    const byteLength = length * type.BYTES_PER_ELEMENT;
    if (!Number.isSafeInteger(length) || length < 0 || offset + byteLength > bytes.length)
      fail(`column ${name} runs past the end`);
    record[name] = new type(bytes.slice(offset, offset + byteLength).buffer);
    offset += align8(byteLength);
  }
  if (offset !== bytes.length) fail('trailing bytes');
  return record;
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
