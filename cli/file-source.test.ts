import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importStatement } from '../shared/import';
import { toCsv, toWorkbook, utf16le, utf8 } from '../shared/import/pipeline/test-support';
import { halykFixture } from '../shared/import/table/fixtures';
import { fileSource } from './file-source';
import { nodeSha256 } from './io';
import { tempDir } from './test-support';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const sheet = halykFixture(3, 400).sheets[0];
if (!sheet) throw new Error('fixture without a sheet');

describe('a statement file read as the import needs it', () => {
  it('imports a CSV read a few bytes at a time exactly as its bytes in memory', () => {
    for (const bytes of [utf8(toCsv(sheet.rows, ';')), utf16le(toCsv(sheet.rows, '\t'))]) {
      const path = tmp.file('statement.csv', bytes);
      const whole = importStatement(readFileSync(path), 'statement.csv', { importedAt: 1 });
      const source = fileSource(path);
      try {
        // Pieces of 7 bytes: every read reuses one buffer and cuts characters and records.
        const read = importStatement(source, 'statement.csv', { importedAt: 1, csvPieceBytes: 7 });
        expect(read).toStrictEqual(whole);
        expect(nodeSha256(source.chunks(5))).toBe(whole.source.sha256);
      } finally {
        source.close();
      }
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
