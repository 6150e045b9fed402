/**
 * Reads a zip's central directory (names and declared sizes) without inflating anything, so a
 * zip bomb is refused before SheetJS allocates its output. ZIP64 records are honoured because
 * an honest multi-gigabyte workbook uses them.
 */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated; anything else SheetJS refuses on its own. */
  method: number;
  /** Where the entry's local header starts: what SheetJS inflates from, whatever the sizes say. */
  localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;
const utf8 = new TextDecoder('utf-8');

export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return { ok: false, reason: 'the zip has no end-of-central-directory record (truncated?)' };
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset === U32_MAX || count === 0xffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR)
      return { ok: false, reason: 'the zip declares ZIP64 sizes but has no ZIP64 locator' };
    const record = readU64(view, locator + 8);
    if (record + 56 > bytes.length || view.getUint32(record, true) !== EOCD64)
      return { ok: false, reason: 'the zip ZIP64 end record is missing' };
    count = readU64(view, record + 32);
    offset = readU64(view, record + 48);
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL)
      return { ok: false, reason: `the zip central directory is damaged at entry ${i + 1}` };
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      const sizes = zip64Sizes(
        view,
        p + 46 + nameLength,
        extraLength,
        uncompressedSize,
        compressedSize,
        localHeaderOffset,
      );
      uncompressedSize = sizes[0];
      compressedSize = sizes[1];
      localHeaderOffset = sizes[2];
    }
    entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let p = last; p >= first; p--) if (view.getUint32(p, true) === EOCD) return p;
  return -1;
}

/** ZIP64 extended information (id 1) holds only the fields whose 32-bit slot is saturated. */
function zip64Sizes(
  view: DataView,
  start: number,
  length: number,
  uncompressed: number,
  compressed: number,
  offset: number,
): [number, number, number] {
  let p = start;
  const end = Math.min(start + length, view.byteLength);
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 1) {
      let q = p + 4;
      if (uncompressed === U32_MAX && q + 8 <= end) {
        uncompressed = readU64(view, q);
        q += 8;
      }
      if (compressed === U32_MAX && q + 8 <= end) {
        compressed = readU64(view, q);
        q += 8;
      }
      if (offset === U32_MAX && q + 8 <= end) offset = readU64(view, q);
      break;
    }
    p += 4 + size;
  }
  return [uncompressed, compressed, offset];
}

function readU64(view: DataView, p: number): number {
  return view.getUint32(p, true) + view.getUint32(p + 4, true) * 0x1_0000_0000;
}
