import { isUtf8 as nodeIsUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importStatement } from '../shared/import';
import { cp1251, toCsv, toWorkbook, utf16le, utf8 } from '../shared/import/pipeline/test-support';
import { isUtf8 } from '../shared/import/read/utf8';
import { halykFixture } from '../shared/import/table/fixtures';
import { fileSource } from './file-source';
import { nodeSha256 } from './io';
import { STATEMENT_A, tempDir } from './test-support';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const sheet = halykFixture(3, 400).sheets[0];
if (!sheet) throw new Error('fixture without a sheet');

/** The chunks copied into one Buffer, each overwriting the last (as a reading source may hand them out). */
function* intoOneBuffer(chunks: Iterable<Uint8Array>, size: number): Generator<Uint8Array> {
  const buffer = Buffer.alloc(size);
  for (const chunk of chunks) {
    buffer.set(chunk);
    yield buffer.subarray(0, chunk.length);
  }
}

describe('a statement file read as the import needs it', () => {
  it('imports a CSV read a few bytes at a time exactly as its bytes in memory', () => {
    for (const bytes of [utf8(toCsv(sheet.rows, ';')), utf16le(toCsv(sheet.rows, '\t'))]) {
      const path = tmp.file('statement.csv', bytes);
      const whole = importStatement(readFileSync(path), 'statement.csv', { importedAt: 1 });
      const source = fileSource(path);
      try {
        // Pieces of 7 bytes: every read cuts characters and records.
        const read = importStatement(source, 'statement.csv', { importedAt: 1, csvPieceBytes: 7 });
        expect(read).toStrictEqual(whole);
        expect(nodeSha256(source.chunks(5))).toBe(whole.source.sha256);
        // ByteSource lets a source read every chunk into one buffer: no reader may keep a chunk.
        const reusing = { ...source, chunks: (n: number) => intoOneBuffer(source.chunks(n), n) };
        expect(importStatement(reusing, 'statement.csv', { importedAt: 1, csvPieceBytes: 7 })).toStrictEqual(
          whole,
        );
        expect(nodeSha256(reusing.chunks(5))).toBe(whole.source.sha256);
      } finally {
        source.close();
      }
    }
  });

  it('checks UTF-8 natively with the same verdict as the shared check', () => {
    const edges = [0x00, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (const a of edges)
      for (const b of edges)
        for (const c of [0x80, 0xa0, 0x41])
          for (const bytes of [
            [a, b],
            [a, b, c],
            [0x41, a, b, c, 0x80],
          ]) {
            const u = Uint8Array.from(bytes);
            expect(nodeIsUtf8(u), bytes.map((x) => x.toString(16)).join(' ')).toBe(isUtf8(u));
          }
    // A Windows-1251 statement read from disk is told apart as it is in memory.
    const cp = cp1251(STATEMENT_A);
    if (cp === null) throw new Error('the statement has letters Windows-1251 lacks');
    const path = tmp.file('statement-1251.csv', cp);
    const source = fileSource(path);
    try {
      const read = importStatement(source, 'statement-1251.csv', { importedAt: 1 });
      expect(read.source.encoding).toBe('windows-1251');
      expect(read).toStrictEqual(importStatement(cp, 'statement-1251.csv', { importedAt: 1 }));
    } finally {
      source.close();
    }
  });

  it('gives a workbook whole, read once', () => {
    const path = tmp.file('statement.xlsx', toWorkbook([sheet], 'xlsx'));
    const source = fileSource(path);
    try {
      expect(importStatement(source, 'statement.xlsx', { importedAt: 1 })).toStrictEqual(
        importStatement(readFileSync(path), 'statement.xlsx', { importedAt: 1 }),
      );
      expect(source.all()).toBe(source.all());
    } finally {
      source.close();
    }
  });

  it('says which file ended early when it shrinks while read', () => {
    const path = tmp.file('shrinking.csv', utf8('a;b\n'.repeat(1000)));
    const source = fileSource(path);
    try {
      tmp.file('shrinking.csv', utf8('a;b\n'));
      expect(() => [...source.chunks(100)]).toThrow(/shrinking\.csv ended at 4 bytes, 4000 expected/);
    } finally {
      source.close();
    }
  });
});
