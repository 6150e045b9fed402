/**
 * Line breaking measured with the embedded font, so what we compute is what the reader sees.
 * Breaks at ordinary spaces only (no-break spaces keep `1 250 000,00` and `№ 12` together) and cuts
 * tokens wider than the line (IBANs, wallet addresses, hashes) at the last character that fits.
 */
import type { PDFFont } from 'pdf-lib';

export interface Measure {
  font: PDFFont;
  size: number;
}

/**
 * Advance widths per character, measured once per font. pdf-lib measures a string by running
 * fontkit's full OpenType layout on it, and wrapping measures every growing candidate line: a
 * 500-asset packet spent most of its time there. pdf-lib adds glyph advances without kerning, so
 * the sum of the characters' advances is the same number; a ligature (fi, fl) would only make the
 * real line shorter than measured, never longer.
 */
const advances = new WeakMap<PDFFont, Map<string, number>>();

export function textWidth(text: string, m: Measure): number {
  let widths = advances.get(m.font);
  if (!widths) {
    widths = new Map();
    advances.set(m.font, widths);
  }
  let units = 0;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) {
      w = m.font.widthOfTextAtSize(ch, 1000);
      widths.set(ch, w);
    }
    units += w;
  }
  return (units * m.size) / 1000;
}

/** Tabs and stray control characters have no glyph; they become spaces rather than boxes. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\t\u0000-\u0009\u000b-\u001f]/g, ' ');
}

/** Splits one unbreakable token into pieces no wider than `maxWidth` (at least one char each). */
function cutToken(token: string, maxWidth: number, m: Measure): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of token) {
    if (current !== '' && textWidth(current + ch, m) > maxWidth) {
      pieces.push(current);
      current = ch;
    } else {
      current += ch;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Wraps one paragraph (no newlines) into lines no wider than `maxWidth`. */
function wrapParagraph(text: string, maxWidth: number, m: Measure): string[] {
  const words = text.split(/ +/).filter((w) => w !== '');
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, m) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    if (textWidth(word, m) <= maxWidth) {
      line = word;
      continue;
    }
    const pieces = cutToken(word, maxWidth, m);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  lines.push(line);
  return lines;
}

/** Wraps text that may contain explicit line breaks; an empty text gives one empty line. */
export function wrapText(text: string, maxWidth: number, m: Measure, firstLineIndent = 0): string[] {
  const out: string[] = [];
  for (const para of cleanText(text).split('\n')) {
    if (firstLineIndent > 0 && out.length === 0) {
      // The first line is narrower; wrap it alone, then the rest at full width.
      const single = para.replace(/ +/g, ' ').trim();
      const head = wrapParagraph(single, maxWidth - firstLineIndent, m)[0] ?? '';
      const rest = single.slice(head.length).trimStart();
      out.push(head);
      if (rest !== '') out.push(...wrapParagraph(rest, maxWidth, m));
    } else {
      out.push(...wrapParagraph(para, maxWidth, m));
    }
  }
  return out;
}
