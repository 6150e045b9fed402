/**
 * Whether bytes are well-formed UTF-8, exactly as a fatal TextDecoder('utf-8') judges them
 * (overlong forms, surrogates and code points past U+10FFFF refused), without building the text:
 * a large CSV is decoded piece by piece while it is imported, and its encoding must be known
 * before the first piece is read.
 */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      if (i + 1 >= n || ((bytes[i + 1] as number) & 0xc0) !== 0x80) return false;
      i += 2;
      continue;
    }
    if (b >= 0xe0 && b <= 0xef) {
      if (i + 2 >= n) return false;
      const b1 = bytes[i + 1] as number;
      // E0: no overlong (A0..BF); ED: no surrogates (80..9F).
      const low = b === 0xe0 ? 0xa0 : 0x80;
      const high = b === 0xed ? 0x9f : 0xbf;
      if (b1 < low || b1 > high || ((bytes[i + 2] as number) & 0xc0) !== 0x80) return false;
      i += 3;
      continue;
    }
    if (b >= 0xf0 && b <= 0xf4) {
      if (i + 3 >= n) return false;
      const b1 = bytes[i + 1] as number;
      // F0: no overlong (90..BF); F4: nothing past U+10FFFF (80..8F).
      const low = b === 0xf0 ? 0x90 : 0x80;
      const high = b === 0xf4 ? 0x8f : 0xbf;
      if (b1 < low || b1 > high) return false;
      if (((bytes[i + 2] as number) & 0xc0) !== 0x80 || ((bytes[i + 3] as number) & 0xc0) !== 0x80)
        return false;
      i += 4;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * isUtf8 over bytes that come in chunks: a character cut by a chunk's end is checked whole.
 * `check`: the same verdict from elsewhere (Node's native `buffer.isUtf8`, ~20× faster).
 */
export function isUtf8Chunks(
  chunks: Iterable<Uint8Array>,
  check: (bytes: Uint8Array) => boolean = isUtf8,
): boolean {
  let carry: Uint8Array | null = null;
  for (const chunk of chunks) {
    let bytes = chunk;
    if (carry !== null) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
    }
    const cut = bytes.length - incompleteTail(bytes);
    if (!check(bytes.subarray(0, cut))) return false;
    // Copied: a chunk may be a Node Buffer, whose `slice` is a view the next read overwrites.
    carry = cut < bytes.length ? new Uint8Array(bytes.subarray(cut)) : null;
  }
  return carry === null;
}

/** Bytes at the end that start a sequence longer than what follows them (0–3). */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}
