/**
 * The in-app import of a statement in Chromium (the built web host), stored in IndexedDB, against
 * the floor the issue names: a naive one-record-per-row IndexedDB write of the same number of
 * rows, measured in the same browser in the same run. Also reports how often the progress bar
 * moved (the UI must stay responsive, at least one update per second) and Chromium's peak RSS.
 *   node --import tsx bench/case-app.ts --file statement.csv --rows N --mode floor|full
 */
import { execFileSync, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';
import { arg, type CaseResult } from './measure';

const file = arg('--file');
const rows = Number(arg('--rows'));
const mode = arg('--mode');
// --trace: after the import, open the Trace tab (the worker reads the case and builds the ledger), run
// a downstream pro-rata trace from the statement's own account (issue 7: ≤ 4 s), then reopen the
// case and time its first screen and an entity's mentions (issue 5).
const withTrace = process.argv.includes('--trace');
const port = 4190 + Math.floor(Math.random() * 200);

/** Sum of the resident memory of every Chromium process, sampled while the work runs. */
function chromiumRssMb(): number {
  try {
    const out = execFileSync('ps', ['-eo', 'rss=,comm='], { encoding: 'utf8' });
    return (
      out
        .split('\n')
        .filter((line) => /chrom/i.test(line))
        .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0] ?? 0), 0) / 1024
    );
  } catch {
    return 0;
  }
}

const server = spawn(process.execPath, ['scripts/serve-web.mjs', '--port', String(port)], {
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 800));
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssMb())), 500);
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  let seconds: number;
  const extra: Record<string, number> = {};
  if (mode === 'floor') {
    seconds = await page.evaluate(async (count) => {
      const open = indexedDB.open('naive-bench', 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('transactions', { keyPath: 'id', autoIncrement: true });
        store.createIndex('caseId', 'caseId');
        store.createIndex('bookedAt', 'bookedAt');
        store.createIndex('source', ['sha256', 'row']);
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const t0 = performance.now();
      for (let start = 0; start < count; start += 10_000) {
        const tx = db.transaction('transactions', 'readwrite');
        const store = tx.objectStore('transactions');
        for (let i = start; i < Math.min(count, start + 10_000); i++) {
          store.add({
            caseId: 'bench',
            sha256: 'f'.repeat(64),
            sheet: 'statement.csv',
            row: i + 2,
            bookedAt: 1_700_000_000_000 + i * 60_000,
            amountMinor: 1_500_000 + i,
            currency: 'KZT',
            direction: i % 3 === 0 ? 'out' : 'in',
            description: `Перевод на карту 4400 43** **** ${String(i % 10_000).padStart(4, '0')}`,
            counterparty: { name: 'Иванов Иван Иванович', card: '440043******1234' },
          });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      return (performance.now() - t0) / 1000;
    }, rows);
  } else {
    await page.getByTestId('new-case').click();
    await page.locator('#new-case-title').fill('Benchmark');
    // Every new case is encrypted (store v6); --only crypto compares against an unencrypted one.
    await page.locator('#passphrase').fill('снег выпал в мае на склоне');
    await page.locator('#passphrase-confirm').fill('снег выпал в мае на склоне');
    await page.getByTestId('create-case').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-statements').click();
    await (await chooser).setFiles(file);
    await page.getByTestId('confirm-import').waitFor({ timeout: 600_000 });
    // Record every visible progress change and every long gap between frames on the page.
    // As source text: tsx would wrap named functions in a helper the page does not have.
    await page.evaluate(`(() => {
      window.__progress = [];
      window.__frames = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="import-phase"]');
        window.__progress.push([performance.now(), bar ? bar.textContent : '']);
      }).observe(document.body, {
        subtree: true, characterData: true, childList: true,
      });
      const frame = () => { window.__frames.push(performance.now()); requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
    })()`);
    const t0 = Date.now();
    await page.getByTestId('confirm-import').click();
    // --screenshots DIR: the import dialog every few seconds, to look at each phase as it shows.
    const shots = process.argv.indexOf('--screenshots');
    const shooting =
      shots > 0
        ? (async () => {
            for (let i = 1; ; i++) {
              await new Promise((resolve) => setTimeout(resolve, 4000));
              if (await page.getByTestId('import-outcomes').isVisible()) return;
              await page.screenshot({
                path: `${process.argv[shots + 1]}/import-${String(i).padStart(2, '0')}.png`,
              });
            }
          })()
        : Promise.resolve();
    await page.getByTestId('import-outcomes').waitFor({ timeout: 3_600_000 });
    await shooting;
    seconds = (Date.now() - t0) / 1000;
    const timing = (await page.evaluate(`(() => {
      const maxGap = (list) => list.slice(1).reduce((max, t, i) => Math.max(max, t - list[i]), 0);
      // The longest wait between two progress texts, and what the bar said before it: the phase
      // that went quiet.
      let gap = 0, before = '';
      for (let i = 1; i < window.__progress.length; i++) {
        const d = window.__progress[i][0] - window.__progress[i - 1][0];
        if (d > gap) { gap = d; before = window.__progress[i - 1][1]; }
      }
      return {
        progressUpdates: window.__progress.length,
        maxProgressGapMs: gap,
        quietAfter: before.slice(0, 80),
        maxFrameGapMs: maxGap(window.__frames),
      };
    })()`)) as Record<string, number>;
    Object.assign(extra, timing);
    if (process.argv.includes('--timeline')) {
      // When each phase of the progress bar began, from the click (to stderr: not part of RESULT).
      const phases = (await page.evaluate(`(() => {
        const start = window.__progress.length ? window.__progress[0][0] : 0;
        const out = [];
        let last = '';
        let before = start;
        for (const [t, text] of window.__progress) {
          const phase = (text || '').replace(/[\\d\\s%.,]+/g, ' ').trim();
          // Phase changes, and whatever ends a spell of more than 0.7 s without news.
          if (phase !== last || t - before > 700) {
            out.push([Math.round(t - start), (t - before > 700 ? '(after ' + Math.round(t - before) + ' ms) ' : '') + (text || '').slice(0, 70)]);
            last = phase;
          }
          before = t;
        }
        return out;
      })()`)) as [number, string][];
      for (const [at, text] of phases) console.error(`${(at / 1000).toFixed(1).padStart(6)} s  ${text}`);
      // Frames the page could not draw for over 0.4 s: when the UI itself stalled, not just the bar.
      const stalls = (await page.evaluate(`(() => {
        const start = window.__progress.length ? window.__progress[0][0] : 0;
        const out = [];
        for (let i = 1; i < window.__frames.length; i++) {
          const d = window.__frames[i] - window.__frames[i - 1];
          if (d > 400) out.push([Math.round(window.__frames[i - 1] - start), Math.round(d)]);
        }
        return out;
      })()`)) as [number, number][];
      for (const [at, ms] of stalls)
        console.error(`${(at / 1000).toFixed(1).padStart(6)} s  no frame for ${ms} ms`);
    }
    const outcome = await page.getByTestId('import-outcomes').innerText();
    if (!/\d/.test(outcome) || /не импортирован|was not imported/.test(outcome))
      throw new Error(`import failed: ${outcome}`);
    if (withTrace) {
      await page.getByTestId('close-import').click();
      const opened = Date.now();
      await page.getByRole('tab', { name: /Трассировка|Trace|Трассалау/ }).click();
      // The form appears once the worker has built the ledger.
      await page.locator('#trace-seeds').waitFor({ timeout: 600_000 });
      extra.traceTabReadySeconds = (Date.now() - opened) / 1000;
      await page.locator('#trace-seeds').click();
      await page.getByTestId('trace-suggestions').locator('.bp6-menu-item').first().click();
      const started = Date.now();
      await page.getByTestId('trace-run').click();
      await page.getByTestId('trace-summary').waitFor({ timeout: 600_000 });
      extra.traceRunSeconds = (Date.now() - started) / 1000;
    }
    if (withTrace) {
      // Opening the case again (issue 5: first screen usable ≤ 3 s; an entity's mentions ≤ 100 ms):
      // a fresh page, the case list, the passphrase, then the Sources tab's list.
      await page.reload();
      await page.getByRole('button', { name: /Все дела|All cases|Барлық істер/ }).click();
      await page.getByTestId('case-row').first().click();
      await page.getByTestId('unlock-passphrase').fill('снег выпал в мае на склоне');
      const unlocking = Date.now();
      await page.getByTestId('unlock').click();
      await page.getByTestId('source-row').first().waitFor({ timeout: 600_000 });
      extra.openFirstScreenSeconds = (Date.now() - unlocking) / 1000;
      const entities = Date.now();
      await page.getByRole('tab', { name: /Объекты|Entities|Нысандар/ }).click();
      await page.getByTestId('entity-row').first().waitFor({ timeout: 600_000 });
      extra.entitiesTabSeconds = (Date.now() - entities) / 1000;
      // Timed inside the page, click to the first frame showing the mentions (Playwright's own
      // round trips would add tens of milliseconds to a number whose budget is 100).
      // Five different entities: one click can land on a garbage collection of the tab's load.
      const shown: number[] = [];
      for (let n = 0; n < 5; n++) {
        await page.evaluate(`(() => {
          window.__clicked = performance.now();
          window.__mentionTable = document.querySelector('[data-testid="mention-table"]');
          document.querySelectorAll('[data-testid="entity-row"]')[${n}].click();
        })()`);
        const shownAfter = await page.waitForFunction(
          `(() => { const t = document.querySelector('[data-testid="mention-table"]');
            return t && t !== window.__mentionTable ? performance.now() - window.__clicked : null; })()`,
          undefined,
          { polling: 'raf', timeout: 600_000 },
        );
        shown.push((await shownAfter.jsonValue()) as number);
      }
      shown.sort((a, b) => a - b);
      extra.entityMentionsMs = Math.round(shown[2] as number);
      extra.entityMentionsMaxMs = Math.round(shown[4] as number);
    }
  }
  peak = Math.max(peak, chromiumRssMb());
  const result: CaseResult = {
    case:
      mode === 'floor' ? 'IndexedDB, one record per row (naive floor)' : 'app import: worker + column blocks',
    rows,
    bytes: mode === 'floor' ? 0 : statSync(file).size,
    seconds,
    peakRssMb: peak,
    extra,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  clearInterval(sampler);
  await browser.close();
  server.kill();
}
