/**
 * Graph drawing in Chromium as the app draws it: first render and frames per second during
 * scripted pan and zoom, canvas and WebGL side by side in the same run (here: software
 * rendering, no GPU; on a GPU laptop the same command gives comparable numbers).
 *   node bench/case-graph-render.mjs --renderer canvas|webgl [--seconds 5]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';
import { bundlePageHelper } from './page-helper';
import { arg, report } from './measure';

const renderer = arg('--renderer', 'canvas');
const seconds = Number(arg('--seconds', '5'));
const root = arg('--root', join('out', 'web'));
const port = 4600 + Math.floor(Math.random() * 200);

const helper = bundlePageHelper('graph-page');

const server = spawn(process.execPath, ['scripts/serve-web.mjs', '--port', String(port), '--root', root], {
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 800));
// WebGL needs a GL implementation: without a GPU that is SwiftShader, software like the canvas.
const args =
  renderer === 'webgl'
    ? [
        ...chromiumArgs.filter((a) => a !== '--disable-gpu'),
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ]
    : chromiumArgs;
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args });
// A crashed renderer can leave browser.close() waiting forever: give up after a generous limit.
setTimeout(
  () => {
    server.kill();
    process.exit(3);
  },
  (seconds + 90) * 1000,
).unref();
try {
  // bypassCSP: the helper is injected as an inline script, which the app's CSP rightly refuses.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Said on stderr so a failed run says why (a crashed renderer, a script error in the page).
  page.on('crash', () => console.error(`${renderer}: the page crashed`));
  page.on('pageerror', (error) => console.error(`${renderer}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      console.error(`${renderer}: console ${message.type()}: ${message.text()}`);
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.addScriptTag({ path: helper });
  const r = await page.evaluate(
    ([webgl, s]) =>
      (
        globalThis as unknown as {
          __graphBench: {
            run: (
              w: boolean,
              s: number,
            ) => Promise<{ elements: number; firstRenderMs: number; fps: number; frames: number }>;
          };
        }
      ).__graphBench.run(webgl as boolean, s as number),
    [renderer === 'webgl', seconds] as const,
  );
  report({
    case: `draw ${r.elements} elements, ${renderer}`,
    rows: r.elements,
    bytes: 0,
    seconds: r.firstRenderMs / 1000,
    extra: { fps: Math.round(r.fps * 10) / 10, frames: r.frames, firstRenderMs: Math.round(r.firstRenderMs) },
  });
} catch (error) {
  server.kill();
  console.error(error);
  process.exit(2);
} finally {
  await browser.close();
  server.kill();
}
