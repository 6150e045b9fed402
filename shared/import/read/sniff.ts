/**
 * Decides what a file is from its bytes: investigators receive `.xls` files that are really
 * XLSX, CSV or HTML, and `.txt` files that are MT940. The name is used only in messages.
 */
import type { DecodedText, TextEncodingChoice, TextEncodingName } from './decode';
import { decodeChosen, decodePieces, detectEncoding, utf16WithoutBom } from './decode';
import type { ByteSource } from './byte-source';
import { byteSourceOf } from './byte-source';
import { ImportError } from './errors';
import { formatBytes } from './limits';
import type { ZipEntry } from './zip';
import { readZipDirectory } from './zip';

export type Sniffed =
  | { format: 'xlsx'; zip: ZipEntry[] }
  | { format: 'xls' }
  | { format: 'csv' | 'mt940' | 'camt053'; text: SniffedText };

const EXPECTED = 'expected XLSX, XLS, CSV/TXT, MT940 or CAMT.053';
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const CAMT_NAMESPACE = /camt\.053\.001/;
const MT940_START = /^(?:\{1:|:20:)/;
/** Bytes decoded to tell the text formats apart: 64K characters in any encoding. */
const HEAD_BYTES = 256 * 1024;

/** Binary signatures that are certainly not statements, named so the refusal says what it saw. */
const KNOWN_OTHER: readonly (readonly [string, readonly number[]])[] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
];

/**
 * `onDecodeProgress`: bytes of a text file checked for UTF-8 so far (see detectEncoding), then of
 * a file decoded whole, decoded so far (see decodeText).
 */
export function sniff(
  input: Uint8Array | ByteSource,
  fileName: string,
  onDecodeProgress?: (done: number, total: number) => void,
): Sniffed {
  const refuse = (what: string): never => {
    throw new ImportError({
      file: fileName,
      reason: `\`${fileName}\` is not a statement format MoneyTrail reads: ${what}; ${EXPECTED}`,
    });
  };
  const source = byteSourceOf(input);
  const start = source.head(4096);
  if (source.size === 0) refuse('the file is empty');
  if (startsWith(start, [0x50, 0x4b, 0x03, 0x04])) {
    const directory = readZipDirectory(source.all());
    if (!directory.ok) refuse(`it is a damaged zip archive (${directory.reason})`);
    const entries = directory.ok ? directory.entries : [];
    if (entries.some((e) => e.name === 'xl/workbook.xml')) return { format: 'xlsx', zip: entries };
    if (entries.some((e) => e.name === 'xl/workbook.bin'))
      refuse('it is a binary Excel workbook (XLSB); save it as XLSX in Excel');
    refuse('it is a zip archive without an Excel workbook inside (xl/workbook.xml)');
  }
  if (startsWith(start, OLE2)) return { format: 'xls' };
  for (const [what, magic] of KNOWN_OTHER) if (startsWith(start, magic)) refuse(`it is ${what}`);
  if (looksBinary(start)) refuse('it is a binary file');

  const text = new SniffedText(detectEncoding(source, onDecodeProgress), fileName, onDecodeProgress);
  // The first 64K characters decide (at most 4 bytes each): a CSV is then decoded piece by piece
  // as it is imported, the other formats whole.
  const opening = text.head(HEAD_BYTES);
  const head = opening.slice(0, 4096).trimStart();
  if (head.startsWith('<')) {
    if (CAMT_NAMESPACE.test(head) || CAMT_NAMESPACE.test(opening.slice(0, 65536)))
      return { format: 'camt053', text };
    const lower = head.slice(0, 512).toLowerCase();
    if (lower.includes('<html') || lower.includes('<!doctype html') || lower.includes('<table'))
      refuse(
        'it is an HTML page (some banks save HTML with an .xls name); open it in Excel and save as XLSX',
      );
    refuse('it is XML but not a CAMT.053 statement (no camt.053 namespace)');
  }
  if (MT940_START.test(head)) return { format: 'mt940', text };
  return { format: 'csv', text };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Control characters other than tab/CR/LF/FF/ESC in the first 4 KiB (as UTF-16 when it is that). */
function looksBinary(bytes: Uint8Array): boolean {
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  const utf16 = le ? 'utf-16le' : be ? 'utf-16be' : utf16WithoutBom(bytes);
  if (utf16 !== null) {
    const text = new TextDecoder(utf16).decode(bytes.subarray(0, 4096));
    let control = 0;
    for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) control++;
    return control > text.length * 0.01;
  }
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (isControl(b)) control++;
  }
  return control > n * 0.01;
}

function isControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1b;
}

/** A text file's encoding, and its text when asked for: whole, or piece by piece. */
export class SniffedText {
  constructor(
    private readonly choice: TextEncodingChoice,
    private readonly fileName: string,
    private readonly onDecodeProgress: ((done: number, total: number) => void) | undefined,
  ) {}

  get encoding(): TextEncodingName {
    return this.choice.encoding;
  }

  /** The text of the first `bytes` bytes (a character cut at the end left out). */
  head(bytes: number): string {
    const { source, skip } = this.choice;
    return new TextDecoder(this.encoding).decode(source.head(skip + bytes).subarray(skip), { stream: true });
  }

  /** The whole text as one string (MT940, CAMT, a preview). */
  whole(): DecodedText {
    try {
      return decodeChosen(this.choice, this.onDecodeProgress);
    } catch {
      // V8 holds at most ~512 M characters in one string (~256 MiB of UTF-16 text decodes past
      // what its decoder returns): found by the fuzzing harness as an uncaught TypeError.
      throw new ImportError({
        file: this.fileName,
        reason:
          `the text is ${formatBytes(this.choice.source.size)}, more than can be decoded as one piece ` +
          '(about 256 MiB of UTF-16 or 512 MiB of UTF-8/Windows-1251); split the file into parts and import each',
      });
    }
  }

  /** The text in pieces (a CSV imported while it is decoded); `onProgress` in bytes. */
  pieces(onProgress?: (done: number, total: number) => void, pieceBytes = PIECE_BYTES): Iterable<string> {
    return decodePieces(this.choice, pieceBytes, onProgress);
  }
}

/** Bytes per piece of a CSV decoded while it is imported: a few MB of text at a time. */
const PIECE_BYTES = 4 * 1024 * 1024;
