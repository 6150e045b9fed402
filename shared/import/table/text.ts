/**
 * Text normalization. Bank exports are full of no-break spaces, line breaks inside header cells
 * and stray punctuation; two spellings of one caption must compare equal after `normalizeCaption`.
 */
import type { Cell } from './cell';

// Every space-like character Excel and banks emit: NBSP, narrow NBSP, thin, figure, ideographic…
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
// Punctuation that carries no meaning in a caption ("Дата/время", "Сумма (тенге)", "ИИН:").
// `№` and `#` stay: "№ п/п" and "#" are the row-number captions.
const CAPTION_PUNCTUATION = /[^\p{L}\p{N}№#]+/gu;
const YO = /ё/g;

/** Trimmed text with runs of any whitespace collapsed to one space. Numbers keep their text form. */
export function parseText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  return isNormalText(cell) ? cell : cell.replace(SPACES, ' ').trim();
}

/**
 * True when `parseText` would return `text` unchanged: no space-like character but single inner
 * ASCII spaces. Almost every cell is like that, and the scan costs less than the regex pass.
 */
function isNormalText(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code > 32) {
      if (code >= 0xa0 && isSpaceLike(code)) return false;
    } else if (code !== 32 || i === 0 || i === last || text.charCodeAt(i - 1) === 32) return false;
  }
  return true;
}

/** The non-ASCII members of `SPACES` (\s beyond ASCII, plus U+200B). */
function isSpaceLike(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Longest text read as a caption. Captions are words; a cell of 40 million quote marks (found by
 * the fuzzing harness) made the Unicode-aware punctuation regex overflow V8's stack.
 */
const MAX_CAPTION = 1000;

/** Lowercase, ё→е, punctuation and whitespace collapsed to single spaces: the matching key. */
export function normalizeCaption(text: string): string {
  const head = text.length > MAX_CAPTION ? text.slice(0, MAX_CAPTION) : text;
  return head.toLowerCase().replace(YO, 'е').replace(CAPTION_PUNCTUATION, ' ').trim();
}
