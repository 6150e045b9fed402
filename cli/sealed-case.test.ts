import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSealedCaseFile, openCaseFile } from '../shared/casefile';
import { PASSPHRASE_ENV } from './passphrase';
import { run, STATEMENT_A, STATEMENT_B, tempDir } from './test-support';

const PASS = 'Дело №42: ключ';
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const withEnv = (value: string | undefined) => ({
  env: (name: string) => (name === PASSPHRASE_ENV ? value : undefined),
});

describe('sealed case files in the CLI', () => {
  it('creates a sealed case when a passphrase is given, and keeps it sealed on every write', async () => {
    const casePath = tmp.file('Дело.mtcase');
    const first = await run(['import', casePath, tmp.file('a.csv', STATEMENT_A)], withEnv(PASS));
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('Created sealed case');
    expect(isSealedCaseFile(readFileSync(casePath))).toBe(true);

    // The second import reads it with the passphrase from a file and writes it back sealed.
    const phraseFile = tmp.file('phrase.txt', `${PASS}\n`);
    const second = await run([
      'import',
      casePath,
      tmp.file('b.csv', STATEMENT_B),
      '--passphrase-file',
      phraseFile,
    ]);
    expect(second).toMatchObject({ code: 0, err: '' });
    const bytes = readFileSync(casePath);
    expect(isSealedCaseFile(bytes)).toBe(true);
    const { data } = await openCaseFile(bytes, PASS);
    expect(data.sources.map((s) => s.source.name)).toEqual(['a.csv', 'b.csv']);

    const summary = await run(['summary', casePath, '--json'], withEnv(PASS));
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.out).sources).toHaveLength(2);
  });

  it('refuses a sealed case without its passphrase or with a wrong one, and changes nothing', async () => {
    const casePath = tmp.file('Дело.mtcase');
    await run(['import', casePath, tmp.file('a.csv', STATEMENT_A)], withEnv(PASS));
    const before = readFileSync(casePath);

    const none = await run(['summary', casePath, '--json']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/sealed with a passphrase/);
    const wrong = await run(['import', casePath, tmp.file('b.csv', STATEMENT_B)], withEnv(PASS + '!'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/not the one this case file was sealed with/);
    const trace = await run(['trace', casePath, '--from', '4111111111111111', '--json'], withEnv('x'));
    expect(trace.code).toBe(1);
    expect(readFileSync(casePath).equals(before)).toBe(true);
  });

  it('says so when a passphrase is given for a case that is not sealed', async () => {
    const casePath = tmp.file('Дело.mtcase');
    await run(['import', casePath, tmp.file('a.csv', STATEMENT_A)]);
    const r = await run(['import', casePath, tmp.file('b.csv', STATEMENT_B)], withEnv(PASS));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/is not sealed; it stays so/);
    expect(isSealedCaseFile(readFileSync(casePath))).toBe(false);
  });

  it('refuses an empty or unreadable passphrase file as wrong usage', async () => {
    const casePath = tmp.file('Дело.mtcase');
    const empty = await run(['summary', casePath, '--passphrase-file', tmp.file('empty.txt', '\n')]);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/first line is empty/);
    const missing = await run(['summary', casePath, '--passphrase-file', tmp.file('nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/ENOENT/);
  });
});
