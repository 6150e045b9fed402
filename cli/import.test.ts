import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../shared/audit/chain';
import { readCaseFile } from '../shared/casefile';
import { ImportError } from '../shared/import';
import { NOW, run, STATEMENT_A, STATEMENT_B, tempDir } from './test-support';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('moneytrail import', () => {
  it('creates the case, imports every file, records each import in the audit chain', async () => {
    const a = tmp.file('kaspi.csv', STATEMENT_A);
    const b = tmp.file('halyk.csv', STATEMENT_B);
    const casePath = tmp.file('Дело 42.mtcase');
    const r = await run(['import', casePath, a, b]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`imported  ${a}: 2 rows, 1 rejected, 3 identifiers, 0 checks failed`);
    expect(r.out).toContain(`imported  ${b}: 1 row, 0 rejected, 1 identifier, 0 checks failed`);
    expect(r.out).toContain('("Дело 42"): 2 file(s), 3 transaction(s)');

    const data = readCaseFile(readFileSync(casePath));
    expect(data.case).toMatchObject({ id: 'case-1', title: 'Дело 42', createdAt: NOW, updatedAt: NOW });
    expect(data.sources.map((s) => s.source.name)).toEqual(['kaspi.csv', 'halyk.csv']);
    expect(data.audit.map((e) => e.action)).toEqual(['case.created', 'source.imported', 'source.imported']);
    expect(data.audit[1]!.details).toMatchObject({
      name: 'kaspi.csv',
      sha256: data.sources[0]!.source.sha256,
    });
    expect(data.audit.every((e) => e.actor === 'следователь')).toBe(true);
    expect(verifyAuditChain('case-1', data.audit).ok).toBe(true);
  });

  it('skips a file already in the case and leaves the case untouched', async () => {
    const a = tmp.file('kaspi.csv', STATEMENT_A);
    const casePath = tmp.file('case.mtcase');
    await run(['import', casePath, a]);
    const before = readFileSync(casePath);
    const copy = tmp.file('copy-of-kaspi.csv', STATEMENT_A);
    const r = await run(['import', casePath, copy], { now: () => NOW + 1000 });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/skipped {3}.*copy-of-kaspi\.csv: already imported/);
    expect(r.out).toContain('nothing new, case unchanged');
    expect(readFileSync(casePath)).toEqual(before);
  });

  it('adds to an existing case and extends its audit chain', async () => {
    const casePath = tmp.file('case.mtcase');
    await run(['import', casePath, tmp.file('a.csv', STATEMENT_A), '--title', 'Снежок']);
    const r = await run([
      'import',
      casePath,
      tmp.file('b.csv', STATEMENT_B),
      tmp.file('a2.csv', STATEMENT_A),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/skipped .*a2\.csv: already imported/);
    const data = readCaseFile(readFileSync(casePath));
    expect(data.case.title).toBe('Снежок');
    expect(data.sources).toHaveLength(2);
    expect(data.audit).toHaveLength(3);
    expect(verifyAuditChain(data.case.id, data.audit).ok).toBe(true);
  });

  it('an unreadable file fails the whole run: reason on stderr, exit 1, nothing written', async () => {
    const casePath = tmp.file('case.mtcase');
    const good = tmp.file('kaspi.csv', STATEMENT_A);
    const bad = tmp.file('broken.xlsx', new Uint8Array([0, 1, 2, 3, 0, 0, 7]));
    const r = await run(['import', casePath, good, bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`moneytrail: ${bad}: `);
    expect(r.err).toContain('was not created');
    expect(existsSync(casePath)).toBe(false);

    await run(['import', casePath, good]);
    const before = readFileSync(casePath);
    const again = await run(['import', casePath, tmp.file('b.csv', STATEMENT_B), bad]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('was not changed');
    expect(readFileSync(casePath)).toEqual(before);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports where an import stopped: file, sheet, row, column', async () => {
    const importStatement = () => {
      throw new ImportError({
        file: 'x.xlsx',
        sheet: 'Лист1',
        row: 12,
        column: 'F',
        reason: 'amount column is empty',
      });
    };
    const r = await run(['import', tmp.file('c.mtcase'), tmp.file('x.xlsx', 'x')], { importStatement });
    expect(r.code).toBe(1);
    expect(r.err).toContain('x.xlsx: sheet "Лист1", row 12, column F: amount column is empty');
  });

  it('a missing input file is a failure too', async () => {
    const r = await run(['import', tmp.file('c.mtcase'), tmp.file('nope.csv')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nope.csv: cannot read the file: ENOENT');
  });

  it('refuses a CASE that is not a case file', async () => {
    const casePath = tmp.file('c.mtcase', 'not a zip');
    const r = await run(['import', casePath, tmp.file('a.csv', STATEMENT_A)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot open case .*not a readable ZIP/);
    expect(readFileSync(casePath, 'utf8')).toBe('not a zip');
  });
});
