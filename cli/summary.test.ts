import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCaseFile } from '../shared/casefile';
import { sampleCaseData } from '../shared/casefile/test-fixtures';
import { run, STATEMENT_A, STATEMENT_B, tempDir } from './test-support';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('moneytrail summary', () => {
  it('--json prints the public summary of imported statements', async () => {
    const casePath = tmp.file('case.mtcase');
    await run(['import', casePath, tmp.file('kaspi.csv', STATEMENT_A), tmp.file('halyk.csv', STATEMENT_B)]);
    const r = await run(['summary', casePath, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.sources).toHaveLength(2);
    expect(s.sources[0]).toMatchObject({
      file: 'kaspi.csv',
      rows: 2,
      rejected: [{ sheet: 'kaspi.csv', row: 4 }],
      totals: { KZT: { credit: 5000.5, debit: 1000 } },
    });
    expect(s.sources[1]).toMatchObject({
      file: 'halyk.csv',
      rows: 1,
      totals: { USD: { credit: 250, debit: 0 } },
    });
    expect(s.identifiers.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`)).toEqual([
      'card:4111111111111111',
      'card_masked:411111******1111',
      'phone:+77011234567',
    ]);
    expect(s.identifiers[1].mentions).toEqual([
      expect.objectContaining({ file: 'halyk.csv', sheet: 'halyk.csv', row: 2 }),
      expect.objectContaining({ file: 'kaspi.csv', sheet: 'kaspi.csv', row: 3 }),
    ]);
    expect(s.resolutions).toEqual([{ masked: '411111******1111', card: '4111111111111111' }]);
    expect(s.invalid).toEqual([]);
  });

  it('prints readable tables without --json', async () => {
    const casePath = tmp.file('case.mtcase', writeCaseFile(sampleCaseData()));
    const r = await run(['summary', casePath]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Case: Магазин «Снежок»');
    expect(r.out).toMatch(/Kaspi выписка\.xlsx +aaaaaaaaaaaa +3 +1 +KZT +₸5,000\.50 +₸1,000\.00/);
    expect(r.out).toContain('Masked cards resolved (1)');
    expect(r.out).toContain('Failed checks (1)');
  });

  it('a damaged case file: exit 1 with the reason', async () => {
    const bytes = writeCaseFile(sampleCaseData());
    const casePath = tmp.file('case.mtcase');
    writeFileSync(casePath, bytes.slice(0, bytes.length / 2));
    const r = await run(['summary', casePath, '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/cannot open case .*case\.mtcase: not a readable ZIP/);
  });
});

describe('usage', () => {
  it.each([
    [[], 2],
    [['frobnicate'], 2],
    [['import'], 2],
    [['import', 'case.mtcase'], 2],
    [['import', 'c', 'f', '--bogus'], 2],
    [['import', 'c', 'f', '--title'], 2],
    [['summary'], 2],
    [['summary', 'a', 'b'], 2],
    [['summary', 'c', '--csv'], 2],
  ])('%j exits %i with usage on stderr', async (argv, code) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(code);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/Usage: moneytrail/);
  });

  it.each([[['--help']], [['import', '--help']], [['summary', '-h']], [['help']]])(
    '%j prints help and exits 0',
    async (argv) => {
      const r = await run(argv);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toMatch(/^Usage: moneytrail/);
    },
  );
});
