#!/usr/bin/env node
// `npm start`: build main, preload and renderer, then open the Electron window. Where the
// Electron binary cannot be fetched (an offline or air-gapped machine), say so plainly and point
// to the web host instead of printing a stack trace.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npmCommand, ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let electronBinary;
try {
  // Resolving the package downloads the binary on first use (electron ≥ 45) and throws if it cannot.
  electronBinary = require('electron');
} catch (error) {
  console.error(
    [
      '',
      'MoneyTrail could not start Electron: its binary is not on this machine and could not be downloaded.',
      `(${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
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

const run = spawnSync(electronBinary, ['.'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
