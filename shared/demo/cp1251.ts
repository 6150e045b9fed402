/**
 * A tiny Windows-1251 encoder. TextEncoder only speaks UTF-8, and the old core banking systems
 * that still export 1251 are exactly what the demo's third statement has to imitate.
 */

// Bytes 0x80–0xBF of Windows-1251 in order (0x98 is unassigned and stays so).
const HIGH = 'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\uFFFD™љ›њќћџ\u00A0ЎўЈ¤Ґ¦§Ё©Є«¬\u00AD®Ї°±Ііґµ¶·ё№є»јЅѕї';

const TABLE = new Map<number, number>();
for (let i = 0; i < HIGH.length; i++) {
  const code = HIGH.charCodeAt(i);
  if (code !== 0xfffd) TABLE.set(code, 0x80 + i);
}
// А..я are contiguous in both Unicode (U+0410–U+044F) and 1251 (0xC0–0xFF).
for (let i = 0; i < 64; i++) TABLE.set(0x0410 + i, 0xc0 + i);

/** Encodes `text`; a character 1251 cannot hold is an error, never a silent `?`. */
export function encodeCp1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 ? code : TABLE.get(code);
    if (byte === undefined)
      throw new Error(`"${text.charAt(i)}" (U+${code.toString(16)}) has no Windows-1251 byte`);
    out[i] = byte;
  }
  return out;
}
