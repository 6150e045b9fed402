import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32';
import { isUtf8, isUtf8Chunks } from './utf8';

/** The judge: a fatal decoder (what decodeText used to ask). */
function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Chunks read into one buffer, as a file source reads them: each is gone when the next comes. */
/** As a reading source may hand them out: each into the same buffer (a Node Buffer, as the CLI's). */
function* intoOneBuffer(chunks: readonly Uint8Array[]): Generator<Uint8Array> {
  const buffer = Buffer.alloc(Math.max(1, ...chunks.map((c) => c.length)));
  for (const chunk of chunks) {
    buffer.set(chunk);
    yield buffer.subarray(0, chunk.length);
  }
}

describe('isUtf8', () => {
  it('agrees with a fatal TextDecoder on every byte pattern near the edges of UTF-8', () => {
    const edges = [
      0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0,
      0xf1, 0xf4, 0xf5, 0xff,
    ];
    for (const a of edges)
      for (const b of edges)
        for (const c of [0x80, 0xbf, 0x41])
          for (const d of [0x80, 0xbf, 0x41]) {
            for (const bytes of [[a], [a, b], [a, b, c], [a, b, c, d], [0x41, a, b, c, d]]) {
              const u = Uint8Array.from(bytes);
              expect(isUtf8(u), bytes.map((x) => x.toString(16)).join(' ')).toBe(decodes(u));
            }
          }
  });

  it('agrees on random Russian text in UTF-8 and Windows-1251, whole and cut anywhere', () => {
    const next = mulberry32(7);
    const words = ['Перевод', 'Kaspi Gold', 'ИИН 900101300123', '₸ 5 000,00', 'Ёлка', '😀', 'Қазақстан'];
    for (let k = 0; k < 300; k++) {
      let text = '';
      for (let w = 0; w < 20; w++) text += `${words[Math.floor(next() * words.length)]};`;
      const utf8 = new TextEncoder().encode(text);
      const cut = utf8.subarray(0, Math.floor(next() * utf8.length));
      const noise = Uint8Array.from(utf8, (b) => (next() < 0.002 ? Math.floor(next() * 256) : b));
      for (const bytes of [utf8, cut, noise]) expect(isUtf8(bytes)).toBe(decodes(bytes));
    }
  });

  it('judges bytes in chunks as it judges them whole, whatever the chunk size', () => {
    const next = mulberry32(11);
    const text = 'Перевод 😀 Қазақстан ₸ 5 000,00; ';
    for (let k = 0; k < 200; k++) {
      const utf8 = new TextEncoder().encode(text.repeat(1 + (k % 5)));
      const cut = utf8.subarray(0, Math.floor(next() * utf8.length));
      const noise = Uint8Array.from(utf8, (b) => (next() < 0.01 ? Math.floor(next() * 256) : b));
      for (const bytes of [utf8, cut, noise]) {
        const size = 1 + Math.floor(next() * 7);
        const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
          bytes.subarray(i * size, (i + 1) * size),
        );
        expect(isUtf8Chunks(chunks), `chunks of ${size}`).toBe(decodes(bytes));
        expect(isUtf8Chunks(intoOneBuffer(chunks)), `reused chunks of ${size}`).toBe(decodes(bytes));
      }
    }
  });
});
