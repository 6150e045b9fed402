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

/** splitCsv's slices gathered into readCsv's shape: records, the line of each, problems. */
function gathered(text: string, sliceChars: number): { read: CsvRead; ends: number[] } {
  const rows: string[][] = [];
  const lines = new CsvLineNumbers();
  const problems: CsvRead['problems'] = [];
  const ends: number[] = [];
  splitCsv(
    text,
    ';',
    (slice) => {
      expect(slice.from).toBe(ends.at(-1) ?? (text.startsWith('\ufeff') ? 1 : 0));
      lines.add(text, slice);
      for (const row of slice.rows) rows.push(row);
      for (const e of slice.errors)
        problems.push({ line: lines.of(e.row === undefined ? 0 : slice.first + e.row), message: e.message });
      ends.push(slice.to);
    },
    sliceChars,
  );
  const all = Int32Array.from(rows, (_, i) => lines.of(i));
  return { read: { rows, lines: all, delimiter: ';', problems }, ends };
}

describe('splitting a large CSV in slices', () => {
  it('gives exactly the records, lines and problems of one pass, whatever the slice size', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const text = statementText(seed);
      const whole = readCsv(text, ';');
      const wholeLines = Int32Array.from(whole.rows, (_, i) => whole.lines?.[i] ?? i + 1);
      for (const slice of [1, 2, 7, 16, 33, 100, 1_000_000]) {
        const { read, ends } = gathered(text, slice);
        expect(read, `seed ${seed}, slices of ${slice}`).toStrictEqual({ ...whole, lines: wholeLines });
        expect(ends.at(-1)).toBe(text.length);
      }
    }
  });
});
