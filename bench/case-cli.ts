/**
 * The whole `moneytrail import CASE FILE` command as an investigator runs it — read, map, parse,
 * extract identifiers (on a second thread), write the case file — timed from outside, in its own
 * process, with that process's peak RSS. Needs the built CLI (run.ts builds it first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg } from './measure';

const file = arg('--file');
const label = arg('--label');
const root = arg('--root');
const dir = mkdtempSync(join(tmpdir(), 'moneytrail-bench-cli-'));
try {
  const casePath = join(dir, 'bench.mtcase');
  const t0 = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      join(root, 'bench/cli-peak-rss.mjs'),
      join(root, 'bin/moneytrail.mjs'),
      'import',
      casePath,
      file,
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (child.status !== 0) throw new Error(`moneytrail import failed (exit ${child.status}): ${child.stderr}`);
  const rows = Number(/(\d+) transaction\(s\)/.exec(child.stdout)?.[1] ?? 0);
  const peakKb = Number(/PEAK_RSS_KB (\d+)/.exec(child.stderr)?.[1] ?? 0);
  const result = {
    case: `${label} moneytrail import (whole command)`,
    rows,
    bytes: statSync(file).size,
    seconds,
    peakRssMb: peakKb / 1024,
    extra: { caseFileMb: statSync(casePath).size / 1024 / 1024 },
  };
  // Reported as measured in the CLI's process, not this one.
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
