/**
 * A minimal zip writer that, unlike a real one, will write what an attacker writes: the same
 * name twice, sizes that lie, entries in any order. Used only to build hostile XLSX files.
 */
import { Deflate, deflateSync } from 'fflate';

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Already deflated `data` of this many uncompressed bytes (a zip bomb built by streaming). */
  deflated?: { size: number; crc: number };
  /** Store instead of deflate. */
  stored?: boolean;
  /** Override the uncompressed size written in both headers (a lie). */
  declaredSize?: number;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = encoder.encode(part.name);
    const method = part.stored ? 0 : 8;
    const body = part.deflated || part.stored ? part.data : deflateSync(part.data, { level: 6 });
    const size = part.deflated ? part.deflated.size : part.data.length;
    const crc = part.deflated ? part.deflated.crc : crc32(part.data);
    const declared = (part.declaredSize ?? size) >>> 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, method, true);
    dv.setUint32(16, crc, true);
    dv.setUint32(20, body.length, true);
    dv.setUint32(24, declared, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    chunks.push(local, body);
    central.push(dir);
    offset += local.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return concat([...chunks, ...central, end]);
}

/** `size` bytes of `fill` deflated without ever holding them: the heart of a zip bomb. */
export function deflateRepeated(fill: Uint8Array, size: number): { data: Uint8Array; crc: number } {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => {
    out.push(chunk);
  });
  let crc = 0;
  let left = size;
  while (left > 0) {
    const piece = left >= fill.length ? fill : fill.subarray(0, left);
    crc = crc32(piece, crc);
    left -= piece.length;
    deflate.push(piece, left === 0);
  }
  return { data: concat(out), crc };
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
