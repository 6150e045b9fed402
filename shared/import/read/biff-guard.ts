/**
 * A pre-scan of an XLS (BIFF5/8) workbook stream before SheetJS parses it. SheetJS reads a
 * formula's token list (`rgce`) up to `start + cce`; when a damaged record is shorter than its
 * own header, `cce` is read past the record's end, becomes NaN, and the token loop
 * (`while (target != blob.l)`) never ends — NaN equals nothing — so the worker hangs for good.
 * The same NaN makes an ExternSheet record loop until the heap is exhausted. Both found by the
 * fuzzing harness (scripts/fuzz/). This scan walks the record headers and refuses a file with
 * such a record, naming it and its offset.
 */
import * as XLSX from 'xlsx';
import { ImportError } from './errors';

const FILE_PASS = 0x002f;
const CONTINUE = 0x003c;
const EXTERN_SHEET = 0x0017;
/**
 * Record type → [name, smallest body SheetJS can read without running past it]. The formula
 * records (every one SheetJS hands to its token parser `parse_Rgce` with a `cce` read from the
 * record, BIFF3/4 numbers included: SheetJS parses them in any BIFF8 stream) need their fixed
 * part and the u16 `cce`; ExternSheet needs its u16 count, read as NaN otherwise, and then
 * `while (len-- !== 0)` allocates until the heap is gone. Names (Lbl) are left out: SheetJS
 * checks their length itself.
 */
const GUARDED: ReadonlyMap<number, readonly [string, number]> = new Map([
  [0x0006, ['Formula', 22]],
  [0x0206, ['Formula (BIFF3)', 22]],
  [0x0406, ['Formula (BIFF4)', 22]],
  [0x04bc, ['SharedFmla', 10]],
  [0x0221, ['Array', 14]],
  [0x0021, ['Array (BIFF2)', 14]],
  [EXTERN_SHEET, ['ExternSheet (BIFF8)', 2]],
]);

interface CfbEntry {
  name: string;
  content?: ArrayLike<number>;
}

/** The workbook stream of an OLE2 file, or null when SheetJS's own reader should judge it. */
function workbookStream(bytes: Uint8Array): Uint8Array | null {
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'array' }) as { FileIndex: CfbEntry[] };
    const entry =
      cfb.FileIndex.find((e) => e.name === 'Workbook') ?? cfb.FileIndex.find((e) => e.name === 'Book');
    const content = entry?.content;
    return content && content.length > 0 ? Uint8Array.from(content) : null;
  } catch {
    return null;
  }
}

export function checkBiffRecords(bytes: Uint8Array, fileName: string): void {
  const stream = workbookStream(bytes);
  if (!stream) return;
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  // BIFF8 starts with a BOF record of version 0x0600; in BIFF5 an ExternSheet is a short string.
  const biff8 =
    stream.length >= 6 && view.getUint16(0, true) === 0x0809 && view.getUint16(4, true) === 0x0600;
  let p = 0;
  while (p + 4 <= stream.length) {
    const type = view.getUint16(p, true);
    const length = view.getUint16(p + 2, true);
    const body = p + 4;
    if (type === FILE_PASS) return; // encrypted from here on: SheetJS refuses it with its own words
    const guarded = type === EXTERN_SHEET && !biff8 ? undefined : GUARDED.get(type);
    if (guarded) {
      // A formula may run on into CONTINUE records; SheetJS joins them before parsing.
      let available = Math.min(length, stream.length - body);
      let q = body + length;
      while (q + 4 <= stream.length && view.getUint16(q, true) === CONTINUE) {
        const more = view.getUint16(q + 2, true);
        available += Math.min(more, stream.length - q - 4);
        q += 4 + more;
      }
      const [name, minimum] = guarded;
      // Only the fatal case: a token list or a list of sheets that runs past the record ends at
      // SheetJS's bounds (it reads zeros there), so such files stay readable as they were.
      if (available < minimum) {
        throw new ImportError({
          file: fileName,
          reason:
            `the XLS workbook is damaged: its ${name} record at byte ${p} of the workbook stream is ` +
            `${length} bytes, too short for what it must hold; open it in Excel and save it again as XLSX`,
        });
      }
    }
    p = body + length;
  }
}
