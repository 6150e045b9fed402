/**
 * `moneytrail packet`: the demo case traced from a drop's phone, the top candidates written as a
 * signed packet that `moneytrail verify` accepts; the export lands in the case's audit log; one
 * changed byte fails verification; bad flags are usage errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, demoFiles } from '../shared/demo';
import { run, tempDir } from './test-support';

let tmp: ReturnType<typeof tempDir>;
let casePath = '';
let env: Record<string, string | undefined>;

beforeAll(async () => {
  tmp = tempDir();
  env = { MONEYTRAIL_HOME: process.env.MONEYTRAIL_HOME };
  process.env.MONEYTRAIL_HOME = join(tmp.dir, 'home');
  casePath = tmp.file('demo.mtcase');
  const paths = demoFiles(buildScenario()).map((f) => tmp.file(f.name, f.bytes));
  expect((await run(['import', casePath, ...paths, '--title', 'Снежок'])).code).toBe(0);
}, 120_000);
afterAll(() => {
  process.env.MONEYTRAIL_HOME = env.MONEYTRAIL_HOME;
  tmp.cleanup();
});

describe('moneytrail packet', () => {
  it('writes a signed packet from the top candidates that verify accepts, and audits the export', async () => {
    const out = join(tmp.dir, 'packet.zip');
    const r = await run([
      'packet',
      casePath,
      '--from',
      '8 702 945 68 70',
      '--out',
      out,
      '--top',
      '5',
      '--lang',
      'kk',
    ]);
    expect(r.err).toContain('made a new signing key');
    expect(r.code).toBe(0);
    const fingerprint = /signer fingerprint: (.+)/.exec(r.out)?.[1];
    expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    const names = Object.keys(unzipSync(readFileSync(out)));
    expect(names).toEqual(
      expect.arrayContaining(['manifest.json', 'VERIFY.txt', 'registry.xlsx', 'trace-report.pdf']),
    );
    expect(names.some((n) => /^letters\/.+\.kk\.pdf$/.test(n))).toBe(true);

    const ok = await run(['verify', out, '--expect', fingerprint!]);
    expect(ok).toMatchObject({ code: 0, out: `OK\nsigner fingerprint: ${fingerprint}\n` });

    const audit = unzipSync(readFileSync(out))['evidence/audit-log.jsonl'];
    expect(strFromU8(audit!)).toContain('packet.exported');

    // The same key signs the next packet; a changed letter fails verification.
    const again = await run(['packet', casePath, '--from', '8 702 945 68 70', '--out', out, '--top', '5']);
    expect(again.out).toContain(`signer fingerprint: ${fingerprint}`);
    const files = unzipSync(readFileSync(out));
    const letter = Object.keys(files).find((n) => n.endsWith('.pdf') && n.startsWith('letters/'))!;
    files[letter]![100] = files[letter]![100]! ^ 1;
    writeFileSync(out, zipSync(files));
    const bad = await run(['verify', out]);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain(`altered: ${letter}`);
  }, 180_000);

  it('writes one packet per institution on request', async () => {
    const out = join(tmp.dir, 'split.zip');
    const r = await run(['packet', casePath, '--from', '8 702 945 68 70', '--out', out, '--per-institution']);
    expect(r.code).toBe(0);
    const written = [...r.out.matchAll(/^wrote (.+)$/gm)].map((m) => m[1]!);
    expect(written.length).toBeGreaterThan(1);
    for (const path of written) expect((await run(['verify', path])).code).toBe(0);
  }, 180_000);

  it('refuses wrong usage and unknown seeds clearly', async () => {
    expect((await run(['packet', casePath, '--from', 'x'])).code).toBe(2);
    expect((await run(['packet', casePath, '--out', 'a.zip'])).code).toBe(2);
    const lang = await run(['packet', casePath, '--from', 'x', '--out', 'a.zip', '--lang', 'en']);
    expect(lang.code).toBe(2);
    expect(lang.err).toContain('--lang must be one of ru, kk');
    const seed = await run([
      'packet',
      casePath,
      '--from',
      '4400 0000 0000 0000',
      '--out',
      join(tmp.dir, 'n.zip'),
    ]);
    expect(seed.code).toBe(1);
  });
});
