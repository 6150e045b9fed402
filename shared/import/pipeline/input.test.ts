import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PREVIEW_MAX_CHARS } from './input';
import { previewStatement } from './preview';

const PIECE = 1024 * 1024;

/** A "CSV" of `chars` letters and not one line break: a binary file or a wrong encoding looks so. */
function withoutLineBreaks(chars: number): Uint8Array {
  return new Uint8Array(chars).fill(0x78);
}

describe("a CSV's preview of a file with hardly a line break", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads about PREVIEW_MAX_CHARS of it, not the whole file', () => {
    const preview = previewStatement(withoutLineBreaks(3 * PREVIEW_MAX_CHARS), 'blob.csv');
    const cell = preview.sheets[0]?.rows[0]?.[0] ?? '';
    expect(cell.length).toBeGreaterThanOrEqual(PREVIEW_MAX_CHARS);
    expect(cell.length).toBeLessThanOrEqual(PREVIEW_MAX_CHARS + PIECE);
  });

  it('counts the records read so far only each time the text has doubled', () => {
    const parse = vi.spyOn(Papa, 'parse');
    previewStatement(withoutLineBreaks(PREVIEW_MAX_CHARS - PIECE), 'blob.csv');
    // Four counts (at 1, 2, 4 and 8 MiB) and the reading itself, each guessing the delimiter with
    // four parses of a sample: 25 calls. After every piece it was 15 counts, over 75 calls.
    expect(parse.mock.calls.length).toBeLessThanOrEqual(25);
  });
});
