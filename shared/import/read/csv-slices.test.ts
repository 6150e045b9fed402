import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32';
import type { CsvRead } from './csv';
import { CsvLineNumbers, readCsv, splitCsv } from './csv';

/** Texts whose records cross slice ends in every awkward way a bank's export can. */
function statementText(seed: number): string {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const newline = pick(['\n', '\r\n', '\r']);
  const cells = [
    '5 000,00',
    '"Перевод; с карты"',
    '"многострочное\nназначение\r\nплатежа"',
    '"голый\nперевод строки"',
    '""',
    '"кавычки ""внутри"""',
    '',
    'KZ12 722C 0000 1234 5678',
    'Итого',
  ];
  const lines = ['Дата;Сумма;Описание'];
  const count = 20 + Math.floor(next() * 80);
  for (let i = 0; i < count; i++) {
    if (next() < 0.1) lines.push('');
    else lines.push([`0${1 + (i % 9)}.01.2024`, pick(cells), pick(cells)].join(';'));
  }
  let text = lines.join(newline);
  if (next() < 0.3) text += newline;
  // Some files end inside an unclosed quote: the error must point at the same line.
  if (next() < 0.2) text += `${newline}09.09.2024;"не закрыта;1`;
  // A UTF-8 BOM that decoding kept: one pass skips it.
  if (next() < 0.1) text = `\ufeff${text}`;
  return text;
}

/** The text in pieces of `size` characters, as a decoder hands a large file over. */
function* piecesOf(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/** splitCsv's slices gathered into readCsv's shape: records, the line of each, problems. */
function gathered(source: string | Iterable<string>, sliceChars: number): { read: CsvRead; texts: string } {
  const rows: string[][] = [];
  const lines = new CsvLineNumbers();
  const problems: CsvRead['problems'] = [];
  let texts = '';
  splitCsv(
    source,
    ';',
    (slice) => {
      lines.add(slice);
      for (const row of slice.rows) rows.push(row);
      for (const e of slice.errors)
        problems.push({ line: lines.of(e.row === undefined ? 0 : slice.first + e.row), message: e.message });
      texts += slice.text;
    },
    sliceChars,
  );
  const all = Int32Array.from(rows, (_, i) => lines.of(i));
  return { read: { rows, lines: all, delimiter: ';', problems }, texts };
}

describe('splitting a large CSV in slices', () => {
  it('gives exactly the records, lines and problems of one pass, whatever the slice and piece sizes', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const text = statementText(seed);
      const whole = readCsv(text, ';');
      const expected = { ...whole, lines: Int32Array.from(whole.rows, (_, i) => whole.lines?.[i] ?? i + 1) };
      const body = text.startsWith('\ufeff') ? text.slice(1) : text;
      for (const slice of [1, 2, 7, 16, 33, 100, 1_000_000]) {
        const { read, texts } = gathered(text, slice);
        expect(read, `seed ${seed}, slices of ${slice}`).toStrictEqual(expected);
        expect(texts).toBe(body);
        const pieces = 1 + ((seed * 7 + slice) % 50);
        expect(
          gathered(piecesOf(text, pieces), slice).read,
          `seed ${seed}, pieces of ${pieces}`,
        ).toStrictEqual(expected);
      }
    }
  });

  it('carries records cut by a piece end over, past the first megabyte', () => {
    // Over a megabyte: the line break and delimiter are guessed first, then pieces refill the rest.
    const parts: string[] = [];
    for (let seed = 1; parts.join('\n').length < 1_500_000; seed++)
      parts.push(statementText(seed).replace(/\ufeff/g, ''));
    const text = parts.join('\n');
    const whole = readCsv(text, ';');
    const expected = { ...whole, lines: Int32Array.from(whole.rows, (_, i) => whole.lines?.[i] ?? i + 1) };
    for (const [piece, slice] of [
      [997, 777],
      [4093, 50_000],
      [65_536, 333],
    ] as const) {
      const { read, texts } = gathered(piecesOf(text, piece), slice);
      expect(read, `pieces of ${piece}, slices of ${slice}`).toStrictEqual(expected);
      expect(texts).toBe(text);
    }
  });
});
