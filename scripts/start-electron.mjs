#!/usr/bin/env node
// `npm start`: build main, preload and renderer, then open the Electron window. Where the
// Electron binary cannot be fetched (an offline or air-gapped machine), say so plainly and point
// to the web host instead of printing a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npmCommand, ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** The same check electron's own index.js makes: a recorded binary that exists under dist/. */
function hasElectronBinary(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  if (!existsSync(pathFile)) return false;
  return existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
}

function cannotStart(reason) {
  console.error(
    [
      '',
      'MoneyTrail could not start Electron: its binary is not on this machine and could not be downloaded.',
      reason ? `(${reason})` : '',
      '',
      'Either connect once to the internet and run `npm start` again, or use the web host,',
      'which runs the same app in Chromium with the same data protections:',
      '',
      '    npm run start:web',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const electronDir = path.dirname(require.resolve('electron/package.json'));
if (!hasElectronBinary(electronDir)) {
  // Electron ≥ 45 fetches its binary on first use. Run that download ourselves with its output
  // captured, so an offline machine gets one plain sentence instead of a downloader stack trace.
  console.log('Downloading the Electron binary (first start only)…');
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8' });
  if (download.status !== 0 || !hasElectronBinary(electronDir)) {
    const output = `${download.stderr ?? ''}\n${download.stdout ?? ''}`;
    const reason = output
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /^(\w*Error|error)\b|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|fetch failed/i.test(line));
    cannotStart(reason ?? `the download exited with code ${download.status}`);
  }
}

let electronBinary;
try {
  electronBinary = require('electron');
} catch (error) {
  cannotStart(error instanceof Error ? error.message.split('\n')[0] : String(error));
}

const run = spawnSync(electronBinary, ['.'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
