import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32';
import { readCsv } from './csv';

/** Texts whose records cross slice ends in every awkward way a bank's export can. */
function statementText(seed: number): string {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const newline = pick(['\n', '\r\n', '\r']);
  const cells = [
    '5 000,00',
    '"Перевод; с карты"',
    '"многострочное\nназначение\r\nплатежа"',
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
  return text;
}

describe('reading a large CSV in slices', () => {
  it('gives exactly the rows, lines and problems of one pass, whatever the slice size', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const text = statementText(seed);
      const whole = readCsv(text, ';');
      for (const slice of [1, 2, 7, 16, 33, 100]) {
        const progress: number[] = [];
        const sliced = readCsv(
          text,
          ';',
          0,
          (done, total) => {
            expect(total).toBe(text.length);
            progress.push(done);
          },
          slice,
        );
        expect(sliced, `seed ${seed}, slices of ${slice}`).toStrictEqual(whole);
        expect(progress.at(-1)).toBe(text.length);
        expect(progress).toStrictEqual([...progress].sort((a, b) => a - b));
      }
    }
  });

  it('reads small files and previews in one pass (no progress for them)', () => {
    const calls: number[] = [];
    readCsv('a;b\n1;2\n', ';', 0, (done) => calls.push(done));
    readCsv('a;b\n1;2\n3;4\n', ';', 1, (done) => calls.push(done), 1);
    expect(calls).toEqual([]);
  });
});
