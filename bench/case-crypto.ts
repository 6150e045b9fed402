/**
 * Encryption overhead in the app as investigators run it (the built web host in Chromium): the
 * same statement imported through the UI into a case stored unencrypted (the floor: every case
 * before store v6) and into an encrypted case, then the case opened — reloaded, unlocked (PBKDF2,
 * encrypted only) and read back whole (every block decrypted and decoded). One mode per process.
 *   node bench/case-crypto.mjs --file statement.csv --rows N --mode plain|encrypted [--root out/bench/web]
 */
import { execFileSync, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';
import { bundlePageHelper } from './page-helper';
import { arg, type CaseResult } from './measure';

const file = arg('--file');
const rows = Number(arg('--rows'));
const mode = arg('--mode');
const root = arg('--root', join('out', 'web'));
const port = 4390 + Math.floor(Math.random() * 200);
const PASSPHRASE = 'снег выпал в мае на склоне';

// The page-side helpers, bundled for the browser from the app's own store code.
const helper = bundlePageHelper('crypto-page');

interface PageBench {
  createPlainCase(title: string): Promise<string>;
  openCase(
    caseId: string,
    passphrase: string | null,
  ): Promise<{ unlockSeconds: number; readSeconds: number; rows: number; mentions: number }>;
}

const server = spawn(process.execPath, ['scripts/serve-web.mjs', '--port', String(port), '--root', root], {
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 800));
// A switch Chromium ignores, to find this browser among others running on the same machine.
const tag = `--moneytrail-bench=${process.pid}`;
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, tag] });

/** Resident memory of this browser's process tree only. */
function browserRssMb(): number {
  try {
    const root = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .find((line) => line.includes(tag) && !line.includes('--type='));
    const browserPid = Number(root?.trim().split(/\s+/)[0]);
    const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
    const mine = new Set([browserPid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, ppid] of table)
        if (mine.has(ppid) && !mine.has(pid)) {
          mine.add(pid);
          grew = true;
        }
    }
    return table.filter(([pid]) => mine.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
  } catch {
    return 0;
  }
}
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, browserRssMb())), 500);
try {
  // bypassCSP: the helper is injected as an inline script, which the app's CSP rightly refuses.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const origin = `http://127.0.0.1:${port}/`;
  await page.goto(origin);
  await page.addScriptTag({ path: helper });
  await page.getByTestId('language-select').selectOption('ru');

  let caseId: string;
  if (mode === 'plain') {
    caseId = await page.evaluate(
      (title) => (globalThis as unknown as { __cryptoBench: PageBench }).__cryptoBench.createPlainCase(title),
      'Benchmark',
    );
    await page.goto(`${origin}#/cases/${caseId}`);
  } else {
    await page.getByTestId('new-case').click();
    await page.locator('#new-case-title').fill('Benchmark');
    await page.locator('#passphrase').fill(PASSPHRASE);
    await page.locator('#passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-case').click();
    await page.getByTestId('case-workspace').waitFor();
    caseId = new URL(page.url()).hash.replace('#/cases/', '');
  }

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-statements').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('confirm-import').waitFor({ timeout: 600_000 });
  const t0 = Date.now();
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-outcomes').waitFor({ timeout: 3_600_000 });
  const importSeconds = (Date.now() - t0) / 1000;
  const outcome = await page.getByTestId('import-outcomes').innerText();
  if (!/операций — \d/.test(outcome)) throw new Error(`import failed: ${outcome}`);

  // Opening the case: a fresh page (no keys in memory), then unlock and read everything.
  await page.goto('about:blank');
  await page.goto(origin);
  await page.addScriptTag({ path: helper });
  const opened = await page.evaluate(
    ([id, passphrase]) =>
      (globalThis as unknown as { __cryptoBench: PageBench }).__cryptoBench.openCase(
        id as string,
        passphrase,
      ),
    [caseId, mode === 'plain' ? null : PASSPHRASE] as const,
  );
  if (opened.rows !== rows) throw new Error(`read back ${opened.rows} rows, expected ${rows}`);

  const result: CaseResult = {
    case: mode === 'plain' ? 'unencrypted case (floor)' : 'encrypted case',
    rows,
    bytes: statSync(file).size,
    seconds: importSeconds,
    peakRssMb: Math.max(peak, browserRssMb()),
    extra: {
      openSeconds: opened.unlockSeconds + opened.readSeconds,
      unlockSeconds: opened.unlockSeconds,
      readSeconds: opened.readSeconds,
      mentions: opened.mentions,
    },
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  clearInterval(sampler);
  await browser.close();
  server.kill();
}
