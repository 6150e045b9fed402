/**
 * Bytes → text for CSV/TXT, MT940 and CAMT. Kazakh bank exports arrive as UTF-8 (with or without
 * BOM), UTF-16LE from Excel's "Unicode text", and Windows-1251 from older core systems; a strict
 * UTF-8 attempt separates the first from the last, since 1251 Cyrillic is never valid UTF-8.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'ibm866' | 'koi8-r';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file started with a byte-order mark (stripped from `text`). */
  bom: boolean;
}

const SAMPLE = 64 * 1024;
// The most frequent Russian lowercase letters: text decoded with the right single-byte table is
// full of them, the wrong tables turn them into capitals or box-drawing characters.
const FREQUENT = new Set('оеаинтсрвлкмдпуОЕАИН');

/** Pieces of this many bytes when progress is wanted (~0.1 s each). */
export const DECODE_PIECE_BYTES = 32 * 1024 * 1024;

/**
 * `onProgress` (bytes decoded, bytes in all): given, a large file is decoded in pieces with a
 * report after each — one call on 400 MB is over a second without news — and the same text.
 */
export function decodeText(
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
  pieceBytes = DECODE_PIECE_BYTES,
): DecodedText {
  const decode = (encoding: string, body: Uint8Array, fatal = false): string =>
    decodeInPieces(encoding, body, fatal, onProgress, pieceBytes);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return { text: decode(utf16, bytes), encoding: utf16, bom: false };
  let text: string;
  try {
    text = decode('utf-8', bytes, true);
  } catch (error) {
    if (error instanceof RangeError) throw error; // too long for one string, not "not UTF-8"
    const encoding = singleByteCyrillic(bytes);
    return { text: decode(encoding, bytes), encoding, bom: false };
  }
  return { text, encoding: 'utf-8', bom: false };
}

function decodeInPieces(
  encoding: string,
  body: Uint8Array,
  fatal: boolean,
  onProgress: ((done: number, total: number) => void) | undefined,
  pieceBytes: number,
): string {
  if (onProgress === undefined || body.length <= pieceBytes)
    return new TextDecoder(encoding, { fatal }).decode(body);
  // A streaming decoder carries a character cut at a piece's end over to the next piece.
  const decoder = new TextDecoder(encoding, { fatal });
  const pieces: string[] = [];
  for (let at = 0; at < body.length; at += pieceBytes) {
    const end = Math.min(body.length, at + pieceBytes);
    pieces.push(decoder.decode(body.subarray(at, end), { stream: end < body.length }));
    onProgress(end, body.length);
  }
  return pieces.join('');
}

/** UTF-16 without BOM: NUL in most odd (LE) or even (BE) positions of ASCII-heavy text. */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let oddZero = 0;
  let evenZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Windows-1251 unless CP866 or KOI8-R reads clearly more like Russian (a cheap sample count). */
function singleByteCyrillic(bytes: Uint8Array): 'windows-1251' | 'ibm866' | 'koi8-r' {
  const sample = bytes.subarray(0, SAMPLE);
  let best: 'windows-1251' | 'ibm866' | 'koi8-r' = 'windows-1251';
  let bestScore = score(new TextDecoder('windows-1251').decode(sample));
  for (const candidate of ['ibm866', 'koi8-r'] as const) {
    let text: string;
    try {
      text = new TextDecoder(candidate).decode(sample);
    } catch {
      continue; // a runtime without the table: 1251 stands
    }
    const s = score(text);
    if (s > bestScore * 1.5) {
      best = candidate;
      bestScore = s;
    }
  }
  return best;
}

function score(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (FREQUENT.has(text.charAt(i))) n++;
  return n;
}
