import { describe, expect, it } from 'vitest';
import { csvField, csvText, parseCsv } from './csv';

describe('csv', () => {
  it('quotes only what needs it, RFC 4180 style', () => {
    expect(csvField('plain.xlsx')).toBe('plain.xlsx');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(42)).toBe('42');
  });

  it('reads back exactly what it writes, line breaks and all', () => {
    const rows = [
      ['файл', 'строка'],
      ['выписка; "Halyk"\r\nитог.csv', '7'],
      ['', ' x '],
      ['Қазақстан', ''],
    ];
    const text = csvText(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });
});
