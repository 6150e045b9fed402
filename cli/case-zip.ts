/**
 * The case file's ZIP with Node's own zlib. Each entry is compressed on libuv's thread pool the
 * moment it is encoded, so deflating one block overlaps encoding the next and uses the second
 * core; native deflate is also several times faster than fflate's. The container is fflate's
 * streaming Zip with the entries handed over already deflated, so the reader is the same.
 */
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import {
  caseFileTime,
  encodeCaseFile,
  MANIFEST_FILE,
  writeCaseFile,
  type CaseData,
  type CaseFileEntry,
  type WriteCaseFileOptions,
} from '../shared/casefile';

const deflateRaw = promisify(zlib.deflateRaw);
/** zlib.crc32 arrived in Node 20.15; an older Node writes the case file with fflate. */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

interface Deflated {
  name: string;
  size: number;
  crc: number;
  data: Uint8Array<ArrayBuffer>;
}

const DEFLATE = 8;

export async function writeCaseFileNative(
  data: CaseData,
  options: WriteCaseFileOptions = {},
): Promise<Uint8Array> {
  if (crc32 === undefined) return writeCaseFile(data, options);
  const pending: Promise<Deflated>[] = [];
  encodeCaseFile(data, options, (entry) => pending.push(deflate(entry, crc32)));
  const entries = await Promise.all(pending);
  // The manifest is encoded last (it lists the tables) but stays the ZIP's first entry.
  entries.sort((a, b) => Number(b.name === MANIFEST_FILE) - Number(a.name === MANIFEST_FILE));

  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const mtime = caseFileTime(options.createdAt ?? Date.now());
  for (const entry of entries) {
    const file: ZipInputFile = {
      filename: entry.name,
      size: entry.size,
      crc: entry.crc,
      compression: DEFLATE,
      mtime,
    };
    zip.add(file);
    file.ondata?.(null, entry.data, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

async function deflate(entry: CaseFileEntry, crc: (data: Uint8Array) => number): Promise<Deflated> {
  // zlib's Buffer is never backed by shared memory: typed as fflate wants it, not copied.
  const data = (await deflateRaw(entry.bytes, { level: entry.level })) as Uint8Array<ArrayBuffer>;
  return { name: entry.name, size: entry.bytes.length, crc: crc(entry.bytes) >>> 0, data };
}
