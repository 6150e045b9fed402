import { describe, expect, it } from 'vitest';
import { encodeCp1251 } from '../../demo/cp1251';
import { decodeText, detectEncoding } from './decode';

describe('decodeText in pieces', () => {
  const text =
    '\uFEFFДата;Сумма;Назначение\n' +
    Array.from({ length: 300 }, (_, i) => `0${(i % 9) + 1}.01.2025;${i},50;Перевод ₸ «Снежок» 😀 ${i}`).join(
      '\n',
    );

  it('gives the same text and encoding as one call, with a report per piece', () => {
    const inputs: Uint8Array[] = [
      new TextEncoder().encode(text), // UTF-8 with BOM
      new TextEncoder().encode(text.slice(1)), // UTF-8 without
      encodeCp1251(text.slice(1).replace(/[₸😀«»]/gu, '')), // Windows-1251: the UTF-8 attempt fails
      new Uint8Array([
        0xff,
        0xfe,
        ...new Uint8Array(
          new Uint16Array([...text.slice(1)].flatMap((c) => [...c].map((u) => u.charCodeAt(0)))).buffer,
        ),
      ]),
    ];
    for (const bytes of inputs) {
      const whole = decodeText(bytes);
      // Pieces of 7 bytes cut every multi-byte character somewhere.
      const reports: number[] = [];
      const pieced = decodeText(bytes, (done) => reports.push(done), 7);
      expect(pieced).toEqual(whole);
      expect(reports.length).toBeGreaterThan(10);
      expect(reports.at(-1)).toBeLessThanOrEqual(bytes.length);
    }
  });
});

describe('detectEncoding', () => {
  it('says how far its UTF-8 check of a large file got, chunk by chunk, with the same verdict', () => {
    const line = 'Перевод ₸ «Снежок» на карту 4400 43** **** 1234;12 500,00\n';
    const bytes = new TextEncoder().encode(line.repeat(120_000)); // 9.8 MB: three 4 MB chunks
    const reports: [number, number][] = [];
    expect(detectEncoding(bytes, (done, total) => reports.push([done, total])).encoding).toBe('utf-8');
    const chunk = 4 * 1024 * 1024;
    expect(bytes.length).toBeGreaterThan(2 * chunk);
    expect(bytes.length).toBeLessThan(3 * chunk);
    expect(reports).toEqual([
      [chunk, bytes.length],
      [2 * chunk, bytes.length],
    ]);
    const cp1251 = encodeCp1251(line.replace(/[₸«»]/gu, '').repeat(200_000));
    expect(detectEncoding(cp1251, () => undefined).encoding).toBe('windows-1251');
  });
});
