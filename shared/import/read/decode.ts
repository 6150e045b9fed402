/**
 * Bytes → text for CSV/TXT, MT940 and CAMT. Kazakh bank exports arrive as UTF-8 (with or without
 * BOM), UTF-16LE from Excel's "Unicode text", and Windows-1251 from older core systems; a strict
 * UTF-8 attempt separates the first from the last, since 1251 Cyrillic is never valid UTF-8.
 */
import { isUtf8 } from './utf8';

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

/** Which decoder reads a file, and the bytes it reads (after a byte-order mark). */
export interface TextEncodingChoice {
  encoding: TextEncodingName;
  bom: boolean;
  body: Uint8Array;
}

export function detectEncoding(bytes: Uint8Array): TextEncodingChoice {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', bom: true, body: bytes.subarray(3) };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: 'utf-16le', bom: true, body: bytes.subarray(2) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: 'utf-16be', bom: true, body: bytes.subarray(2) };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return { encoding: utf16, bom: false, body: bytes };
  if (isUtf8(bytes)) return { encoding: 'utf-8', bom: false, body: bytes };
  return { encoding: singleByteCyrillic(bytes), bom: false, body: bytes };
}

/**
 * `onProgress` (bytes decoded, bytes in all): given, a large file is decoded in pieces with a
 * report after each — one call on 400 MB is over a second without news — and the same text.
 */
export function decodeText(
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
  pieceBytes = DECODE_PIECE_BYTES,
): DecodedText {
  return decodeChosen(detectEncoding(bytes), onProgress, pieceBytes);
}

/** decodeText once the encoding is known. */
export function decodeChosen(
  choice: TextEncodingChoice,
  onProgress?: (done: number, total: number) => void,
  pieceBytes = DECODE_PIECE_BYTES,
): DecodedText {
  const { encoding, bom, body } = choice;
  if (onProgress === undefined || body.length <= pieceBytes)
    return { text: new TextDecoder(encoding).decode(body), encoding, bom };
  const pieces: string[] = [];
  for (const piece of decodePieces({ encoding, bom, body }, pieceBytes, onProgress)) pieces.push(piece);
  return { text: pieces.join(''), encoding, bom };
}

/**
 * The text in pieces of about `pieceBytes` bytes each, joined the same as decodeText's (a
 * streaming decoder carries a character cut at a piece's end over to the next piece).
 */
export function* decodePieces(
  choice: TextEncodingChoice,
  pieceBytes: number,
  onProgress?: (done: number, total: number) => void,
): Generator<string, void, undefined> {
  const { body } = choice;
  const decoder = new TextDecoder(choice.encoding);
  if (body.length === 0) yield '';
  for (let at = 0; at < body.length; at += pieceBytes) {
    const end = Math.min(body.length, at + pieceBytes);
    const piece = decoder.decode(body.subarray(at, end), { stream: end < body.length });
    onProgress?.(end, body.length);
    yield piece;
  }
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
