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
  return cell.replace(SPACES, ' ').trim();
}

/** Lowercase, ё→е, punctuation and whitespace collapsed to single spaces: the matching key. */
export function normalizeCaption(text: string): string {
  return text.toLowerCase().replace(YO, 'е').replace(CAPTION_PUNCTUATION, ' ').trim();
}
