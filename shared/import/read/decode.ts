/**
 * Bytes → text for CSV/TXT, MT940 and CAMT. Kazakh bank exports arrive as UTF-8 (with or without
 * BOM), UTF-16LE from Excel's "Unicode text", and Windows-1251 from older core systems; a strict
 * UTF-8 check separates the first from the last, since 1251 Cyrillic is never valid UTF-8.
 */
import type { ByteSource } from './byte-source';
import { byteSourceOf } from './byte-source';
import { isUtf8Chunks } from './utf8';

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

/** Which decoder reads a file, and where its text starts (after a byte-order mark). */
export interface TextEncodingChoice {
  encoding: TextEncodingName;
  bom: boolean;
  source: ByteSource;
  /** Bytes of the byte-order mark. */
  skip: number;
}

/** Bytes read at a time to check a file's UTF-8 without holding it whole. */
const CHECK_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * `onCheckProgress` (bytes checked, bytes in all): a file without a byte-order mark is checked
 * for UTF-8 whole — ~0.6 s for 450 MB in a browser — and says how far it got after each chunk.
 */
export function detectEncoding(
  input: Uint8Array | ByteSource,
  onCheckProgress?: (done: number, total: number) => void,
): TextEncodingChoice {
  const source = byteSourceOf(input);
  const head = source.head(SAMPLE);
  const choice = (encoding: TextEncodingName, skip: number): TextEncodingChoice => ({
    encoding,
    bom: skip > 0,
    source,
    skip,
  });
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return choice('utf-8', 3);
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return choice('utf-16le', 2);
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return choice('utf-16be', 2);
  const utf16 = utf16WithoutBom(head);
  if (utf16 !== null) return choice(utf16, 0);
  if (isUtf8Chunks(reported(source, onCheckProgress), source.isUtf8)) return choice('utf-8', 0);
  return choice(singleByteCyrillic(head), 0);
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
  const { encoding, bom, source, skip } = choice;
  const body = source.all().subarray(skip);
  if (onProgress === undefined || body.length <= pieceBytes)
    return { text: new TextDecoder(encoding).decode(body), encoding, bom };
  const pieces: string[] = [];
  for (const piece of decodePieces(choice, pieceBytes, onProgress)) pieces.push(piece);
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
  const { source, skip } = choice;
  const total = source.size - skip;
  const decoder = new TextDecoder(choice.encoding);
  let done = -skip;
  let any = false;
  for (const chunk of source.chunks(pieceBytes)) {
    const bytes = done < 0 ? chunk.subarray(Math.min(chunk.length, -done)) : chunk;
    done += chunk.length;
    const final = done >= total;
    const piece = decoder.decode(bytes, { stream: !final });
    onProgress?.(Math.max(0, done), total);
    any = true;
    yield piece;
  }
  if (!any) yield '';
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

/** The source's check chunks, reporting the bytes handed out before each next one. */
function* reported(
  source: ByteSource,
  onProgress: ((done: number, total: number) => void) | undefined,
): Generator<Uint8Array> {
  let done = 0;
  for (const chunk of source.chunks(CHECK_CHUNK_BYTES)) {
    if (done > 0) onProgress?.(done, source.size);
    yield chunk;
    done += chunk.length;
  }
}
