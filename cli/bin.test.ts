/**
 * End to end through the real launcher: builds out/cli/moneytrail.mjs with the project's Vite
 * config first (so the test never runs a stale build and can never silently skip), then spawns
 * `node bin/moneytrail.mjs` as `npx moneytrail` would.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATEMENT_A, tempDir } from './test-support';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/moneytrail.mjs');
const tmp = tempDir();

const moneytrail = (args: string[], binPath = bin) =>
  spawnSync(process.execPath, [binPath, ...args], { cwd: tmp.dir, encoding: 'utf8' });

beforeAll(async () => {
  await build({ configFile: join(root, 'vite.cli.config.ts'), root, logLevel: 'warn' });
}, 120_000);
afterAll(() => tmp.cleanup());

describe('bin/moneytrail.mjs', () => {
  it('imports a statement and prints the summary JSON', () => {
    tmp.file('kaspi.csv', STATEMENT_A);
    const imported = moneytrail(['import', 'case.mtcase', 'kaspi.csv', '--actor', 'тест']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('imported  kaspi.csv: 2 rows, 1 rejected');

    const summary = moneytrail(['summary', 'case.mtcase', '--json']);
    expect(summary.status).toBe(0);
    const json = JSON.parse(summary.stdout);
    expect(json.sources[0]).toMatchObject({ file: 'kaspi.csv', rows: 2 });
    expect(json.resolutions).toEqual([{ masked: '411111******1111', card: '4111111111111111' }]);
  });

  it('exits 2 with usage for an unknown command and prints the version', () => {
    const r = moneytrail(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(moneytrail(['--version']).stdout).toMatch(/^moneytrail \d+\.\d+\.\d+\n$/);
  });

  it('the launcher tells how to build when the CLI is not built', () => {
    mkdirSync(join(tmp.dir, 'pkg/bin'), { recursive: true });
    const lonely = join(tmp.dir, 'pkg/bin/moneytrail.mjs');
    copyFileSync(bin, lonely);
    const r = moneytrail(['--help'], lonely);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run build:cli');
  });
});
