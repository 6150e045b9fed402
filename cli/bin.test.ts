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
import { partyPool, preamble, statementRow } from '../bench/statement';
import { rng } from '../shared/demo/ids';
import { csvText } from '../shared/demo/render-kit';
import { extractIdentifiers } from '../shared/identifiers';
import { batchExtractor, importStatement } from '../shared/import';
import type { Cell } from '../shared/import/table';
import { ExtractionThread } from './extraction-thread';
import { STATEMENT_A, tempDir } from './test-support';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/moneytrail.mjs');
const tmp = tempDir();

const moneytrail = (args: string[], binPath = bin) =>
  spawnSync(process.execPath, [binPath, ...args], {
    cwd: tmp.dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });

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

  it('the built extraction worker loads beside the CLI and answers', async () => {
    const thread = new ExtractionThread(new URL('../out/cli/extract-worker.mjs', import.meta.url));
    const batches = [['Перевод на карту 4400 4302 1234 5678, тел. +7 701 123 45 67'], ['ИИН 900101300015']];
    try {
      for (const batch of batches) thread.submit(batch);
      for (let waited = 0; waited < 30_000 && thread.answeredSoFar() < 2; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const local = batchExtractor((text) => extractIdentifiers(text));
      expect(thread.collect()).toEqual(batches.map((b) => local(b)));
      expect(thread.extractedThere).toBe(2);
    } finally {
      thread.close();
    }
  });

  it('imports a statement large enough for the second thread, as the library does in place', () => {
    const random = rng(99);
    const pool = partyPool(random, 400);
    const lines: Cell[][] = [...preamble(11_000)];
    for (let i = 0; i < 11_000; i++) lines.push(statementRow(random, pool, i, false));
    const bytes = new TextEncoder().encode(csvText(lines, ';'));
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    tmp.file('halyk-large.csv', bytes);
    const imported = moneytrail(['import', 'large.mtcase', 'halyk-large.csv']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const summary = moneytrail(['summary', 'large.mtcase', '--json']);
    expect(summary.status).toBe(0);
    const json = JSON.parse(summary.stdout);
    const inPlace = importStatement(bytes, 'halyk-large.csv', { importedAt: 0 });
    expect(json.sources[0].rows).toBe(11_000);
    expect(json.identifiers.length).toBe(new Set(inPlace.mentions.map((m) => `${m.kind} ${m.value}`)).size);
    expect(json.invalid.length).toBe(inPlace.invalid.length);
    expect(json.identifiers.length).toBeGreaterThan(5_000);
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
