/**
 * The sizes a zip declares are only claims: SheetJS inflates each entry from its local header to
 * the end of the deflate stream, whatever the central directory says, and grows its buffer as it
 * goes. A crafted workbook that declares a few kilobytes and inflates to gigabytes would exhaust
 * the worker before any check saw it. So every deflated entry is inflated here first, in small
 * steps and without keeping the output, and refused the moment it outgrows what it declared or
 * the whole file outgrows `maxUncompressedBytes`.
 */
import { Inflate } from 'fflate';
import { ImportError } from './errors';
import type { ImportLimits } from './limits';
import { formatBytes, limitReason } from './limits';
import type { ZipEntry } from './zip';

const LOCAL_HEADER = 0x04034b50;
/** Input per step: one step inflates to at most ~1,032 times this (deflate's best ratio). */
const STEP = 16 * 1024;

export function checkInflatedSizes(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  fileName: string,
  limits: ImportLimits,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (entry: ZipEntry, what: string): never => {
    throw new ImportError({
      file: fileName,
      reason: `the XLSX is a damaged zip archive: entry \`${entry.name}\` ${what}; open it in Excel and save it again`,
    });
  };
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== 8) continue;
    const header = entry.localHeaderOffset;
    if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_HEADER)
      damaged(entry, 'has no local header where the directory points');
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) damaged(entry, 'runs past the end of the file (truncated?)');
    let produced = 0;
    const inflate = new Inflate((chunk) => {
      produced += chunk.length;
    });
    try {
      for (let p = start; p < end; p += STEP) {
        const stop = Math.min(end, p + STEP);
        inflate.push(bytes.subarray(p, stop), stop === end);
        if (produced > entry.uncompressedSize)
          damaged(
            entry,
            `declares ${formatBytes(entry.uncompressedSize)} but inflates to more (a zip bomb or a damaged file)`,
          );
        if (total + produced > limits.maxUncompressedBytes) {
          throw new ImportError({
            file: fileName,
            reason: limitReason(
              'the uncompressed size of the XLSX',
              `over ${formatBytes(limits.maxUncompressedBytes)}`,
              formatBytes(limits.maxUncompressedBytes),
              'maxUncompressedBytes',
            ),
          });
        }
      }
      if (end === start) inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      damaged(entry, `cannot be inflated (${error instanceof Error ? error.message : String(error)})`);
    }
    total += produced;
  }
}
