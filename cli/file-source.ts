/**
 * A statement file on disk, read as the import needs it: a CSV's import asks for a few megabytes
 * at a time, so the bytes of a 450 MB statement are never all in memory; a workbook is read whole.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from '../shared/import';

export interface FileSource extends ByteSource {
  close(): void;
}

export function fileSource(path: string): FileSource {
  const fd = openSync(path, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  let whole: Uint8Array | null = null;
  const read = (at: number, length: number): Uint8Array => {
    const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - at)));
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(fd, buffer, done, buffer.length - done, at + done);
      if (n === 0)
        throw new Error(`${path} ended at ${at + done} bytes, ${size} expected (changed while read?)`);
      done += n;
    }
    return buffer;
  };
  return {
    size,
    head: (n) => (whole ? whole.subarray(0, n) : read(0, n)),
    // Kept once read: a workbook is asked for whole more than once (its zip directory, then SheetJS).
    all: () => (whole ??= read(0, size)),
    *chunks(chunkBytes) {
      for (let at = 0; at < size; at += chunkBytes)
        yield whole ? whole.subarray(at, at + chunkBytes) : read(at, chunkBytes);
    },
    isUtf8,
    close: () => closeSync(fd),
  };
}
