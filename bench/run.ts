/**
 * `npm run bench`: generates the inputs (cached in the temp folder), runs every case in a fresh
 * `node --expose-gc --import tsx` child so each peak RSS is its own, and prints one table per
 * benchmark with the floor it is compared against, measured in the same run.
 *   npx tsx bench/run.ts [--rows 1000000] [--xlsx-rows 200000] [--mentions 1000000]
 *                        [--extract-rows 200000] [--app-rows N] [--crypto-rows 200000]
 *                        [--only csv|xlsx|extract|resolve|app|crypto|trace|graph|patterns|render|packet] [--transfers N] [--out DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchFiles, generate } from './generate';
import type { CaseResult } from './measure';
import { printTable, type Row } from './table';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const rows = Number(flag('--rows', '1000000'));
// A quick run (`--rows 50000`) shrinks the workbook with it unless told otherwise.
const xlsxRows = Number(flag('--xlsx-rows', String(Math.min(200_000, Math.ceil(rows / 5)))));
const mentions = Number(flag('--mentions', String(rows)));
const extractRows = Number(flag('--extract-rows', String(Math.min(200_000, rows))));
const only = flag('--only', '');
const dir = flag('--out', join(tmpdir(), 'moneytrail-bench'));
const wants = (name: string): boolean => only === '' || only.split(',').includes(name);

/**
 * Each case is bundled with esbuild and run by plain node, as the CLI ships (a bundle), not under
 * the tsx loader: measured here, tsx made pure-JS hashing ~25× and the import ~1.7× slower.
 */
function bundled(script: string): string {
  // Inside the repository, so the packages left external (Playwright) resolve from node_modules.
  const out = join('out', 'bench', script.replace(/\.ts$/, '.mjs'));
  const built = spawnSync(
    join('node_modules', '.bin', 'esbuild'),
    [
      join('bench', script),
      '--bundle',
      '--platform=node',
      '--format=esm',
      `--outfile=${out}`,
      '--log-level=error',
      // Playwright stays a package import: it finds its own files at run time.
      '--external:playwright-core',
      '--external:@playwright/test',
      '--banner:js=import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);',
    ],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error(`could not bundle ${script}`);
  return out;
}

function runCase(script: string, args: string[]): CaseResult {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', bundled(script), ...args],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (child.status !== 0 || !line)
    throw new Error(`${script} ${args.join(' ')} failed (exit ${child.status})`);
  return JSON.parse(line.slice('RESULT '.length)) as CaseResult;
}

function pair(title: string, floor: CaseResult, full: CaseResult, command?: CaseResult): void {
  const rowsOf = (r: CaseResult): Row => ({ ...r, ratio: r.seconds / floor.seconds });
  printTable(title, [rowsOf(floor), rowsOf(full), ...(command ? [rowsOf(command)] : [])]);
}

let cliBuilt = false;
/** The CLI target is the whole command (case file written), on the built CLI. */
function cliImport(file: string, label: string): CaseResult {
  if (!cliBuilt) {
    const built = spawnSync('npm', ['run', 'build:cli'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:cli failed');
    cliBuilt = true;
  }
  return runCase('case-cli.ts', ['--file', file, '--label', label, '--root', process.cwd()]);
}

const files = benchFiles(dir, rows, xlsxRows);
if ((wants('csv') && !existsSync(files.cp1251Csv)) || (wants('xlsx') && !existsSync(files.xlsx))) {
  console.log(`generating inputs in ${dir} …`);
  generate(dir, rows, xlsxRows);
}

if (wants('csv')) {
  for (const [label, file] of [
    ['CSV UTF-8', files.utf8Csv],
    ['CSV Windows-1251', files.cp1251Csv],
  ] as const) {
    const floor = runCase('case-csv.ts', ['--file', file, '--mode', 'floor', '--label', label]);
    const full = runCase('case-csv.ts', ['--file', file, '--mode', 'full', '--label', label]);
    pair(`${label}, ${rows.toLocaleString('en-US')} rows`, floor, full, cliImport(file, label));
  }
}
if (wants('xlsx')) {
  const floor = runCase('case-xlsx.ts', ['--file', files.xlsx, '--mode', 'floor']);
  const full = runCase('case-xlsx.ts', ['--file', files.xlsx, '--mode', 'full']);
  pair(`XLSX, ${xlsxRows.toLocaleString('en-US')} rows`, floor, full, cliImport(files.xlsx, 'XLSX'));
}
if (wants('extract')) {
  const floor = runCase('case-extract.ts', ['--rows', String(extractRows), '--mode', 'floor']);
  const full = runCase('case-extract.ts', ['--rows', String(extractRows), '--mode', 'full']);
  pair(`Identifier extraction, ${extractRows.toLocaleString('en-US')} descriptions`, floor, full);
  const e = full.extra ?? {};
  printTable('Extraction quality on the planted set', [
    {
      case: 'planted descriptions',
      plantedReal: e.plantedReal ?? 0,
      recalled: e.recalled ?? 0,
      recall: e.recall ?? 0,
      mentions: e.mentions ?? 0,
      precision: e.precision ?? 0,
      traps: e.traps ?? 0,
      acceptedTraps: e.acceptedTraps ?? 0,
    },
  ]);
}
if (wants('app')) {
  // The built web host, so the app is measured as investigators run it.
  spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  const appRows = Number(flag('--app-rows', String(rows)));
  const appFiles = appRows === rows ? files : benchFiles(dir, appRows, xlsxRows);
  if (!existsSync(appFiles.utf8Csv)) generate(dir, appRows, xlsxRows);
  const floor = runCase('case-app.ts', [
    '--file',
    appFiles.utf8Csv,
    '--rows',
    String(appRows),
    '--mode',
    'floor',
  ]);
  const full = runCase('case-app.ts', [
    '--file',
    appFiles.utf8Csv,
    '--rows',
    String(appRows),
    '--mode',
    'full',
    '--trace',
  ]);
  pair(`App (Chromium, IndexedDB), ${appRows.toLocaleString('en-US')} rows`, floor, full);
  printTable('App responsiveness during the import', [{ case: 'import', ...(full.extra ?? {}) }]);
}
if (wants('crypto')) {
  // Encryption at rest: the same in-app import and case opening, unencrypted vs encrypted case.
  // Its own build of the web host, so a concurrent `npm run build:web` cannot change it mid-run.
  const webRoot = resolve('out', 'bench', 'web');
  spawnSync(
    'npx',
    ['vite', 'build', '--config', 'vite.web.config.ts', '--outDir', webRoot, '--emptyOutDir'],
    {
      stdio: 'inherit',
    },
  );
  const cryptoRows = Number(flag('--crypto-rows', String(Math.min(rows, 200_000))));
  const cryptoFiles = cryptoRows === rows ? files : benchFiles(dir, cryptoRows, xlsxRows);
  if (!existsSync(cryptoFiles.utf8Csv)) generate(dir, cryptoRows, xlsxRows);
  const args = (mode: string) => [
    '--file',
    cryptoFiles.utf8Csv,
    '--rows',
    String(cryptoRows),
    '--mode',
    mode,
    '--root',
    webRoot,
  ];
  // Interleaved and repeated; the fastest run of each counts (the machine is shared, noise only
  // ever adds time). Every run is printed.
  const repeat = Number(flag('--crypto-repeat', '3'));
  const runs: Record<'plain' | 'encrypted', CaseResult[]> = { plain: [], encrypted: [] };
  for (let i = 0; i < repeat; i++) {
    runs.plain.push(runCase('case-crypto.ts', args('plain')));
    runs.encrypted.push(runCase('case-crypto.ts', args('encrypted')));
  }
  const extra = (r: CaseResult, key: string) => r.extra?.[key] ?? 0;
  const best = (list: CaseResult[], value: (r: CaseResult) => number) => Math.min(...list.map(value));
  printTable(
    'Encryption: every run (seconds)',
    [...runs.plain, ...runs.encrypted].map((r) => ({
      case: r.case,
      import: r.seconds,
      unlock: extra(r, 'unlockSeconds'),
      read: extra(r, 'readSeconds'),
      'Chromium peak RSS MiB': Math.round(r.peakRssMb),
    })),
  );
  const fastest = (list: CaseResult[]): CaseResult => ({
    ...(list[0] as CaseResult),
    seconds: best(list, (r) => r.seconds),
    peakRssMb: best(list, (r) => r.peakRssMb),
  });
  pair(
    `Encryption, in-app import (Chromium), ${cryptoRows.toLocaleString('en-US')} rows, fastest of ${repeat}`,
    fastest(runs.plain),
    fastest(runs.encrypted),
  );
  const overhead = (full: number, floor: number) => `${(((full - floor) / floor) * 100).toFixed(1)} %`;
  const row = (name: string, value: (r: CaseResult) => number, withOverhead = true) => {
    const floor = best(runs.plain, value);
    const full = best(runs.encrypted, value);
    return {
      case: name,
      unencrypted: floor,
      encrypted: full,
      overhead: withOverhead ? overhead(full, floor) : '—',
    };
  };
  printTable(`Encryption overhead (budget ≤ 30 %), fastest of ${repeat}`, [
    row('import (read, prepare, encrypt, save)', (r) => r.seconds),
    row('open: unlock + read the whole case', (r) => extra(r, 'openSeconds')),
    row('  of which unlock (PBKDF2, 600,000 iterations)', (r) => extra(r, 'unlockSeconds'), false),
    row('  of which read and decode every block', (r) => extra(r, 'readSeconds')),
  ]);
}
const ledgerTransfers = Number(flag('--transfers', '1000000'));
if (wants('trace')) {
  const floor = runCase('cases/trace.ts', ['--mode', 'floor', '--transfers', String(ledgerTransfers)]);
  const runs = [];
  for (const direction of ['down', 'up'])
    for (const method of ['pro-rata', 'fifo', 'lifo', 'poisoned'])
      runs.push(
        runCase('cases/trace.ts', [
          '--mode',
          'trace',
          '--method',
          method,
          '--direction',
          direction,
          '--transfers',
          String(ledgerTransfers),
        ]),
      );
  printTable(
    `Tracing, synthetic ledger of ${floor.rows.toLocaleString('en-US')} transfers (target: down pro-rata ≤ 2 s)`,
    [floor, ...runs].map((r) => ({ ...r, ratio: r.seconds / floor.seconds })),
  );
}

if (wants('graph')) {
  const n = String(ledgerTransfers);
  const floor = runCase('cases/graph.ts', ['--mode', 'floor', '--transfers', n]);
  const open = runCase('cases/graph.ts', ['--mode', 'open', '--transfers', n]);
  const wide = runCase('cases/graph.ts', ['--mode', 'open', '--transfers', n, '--buyers', '200000']);
  const expand = runCase('cases/graph.ts', ['--mode', 'expand', '--transfers', n]);
  printTable(
    'Graph view model (targets: index + first view ≤ 1 s; expanding a collection of 1,000 ≤ 0.5 s)',
    [floor, open, { ...wide, case: `${wide.case}, ${wide.extra?.nodes ?? 0} nodes` }, expand].map((r) => ({
      ...r,
      ratio: r.seconds / floor.seconds,
    })),
  );
}

if (wants('render')) {
  // Needs the built web host (npm run build:web) for the app's origin; the page draws on its own.
  const canvas = runCase('case-graph-render.ts', ['--renderer', 'canvas']);
  let webgl: CaseResult | null = null;
  try {
    webgl = runCase('case-graph-render.ts', ['--renderer', 'webgl']);
  } catch {
    // Reported, not fatal: some machines have no working GL at all.
  }
  printTable(
    'Graph drawing in Chromium, software rendering (targets: ≥ 20 fps panning, first render ≤ 2 s)',
    [
      { case: canvas.case, ...(canvas.extra ?? {}) },
      webgl
        ? { case: webgl.case, ...(webgl.extra ?? {}) }
        : {
            case: 'webgl: failed (no working GL; the reason is printed above)',
            fps: '—',
            frames: '—',
            firstRenderMs: '—',
          },
    ],
  );
}

if (wants('patterns')) {
  const floor = runCase('cases/patterns.ts', ['--mode', 'floor', '--transfers', String(ledgerTransfers)]);
  const full = runCase('cases/patterns.ts', ['--mode', 'full', '--transfers', String(ledgerTransfers)]);
  pair(`Pattern detection, synthetic ledger of ${floor.rows.toLocaleString('en-US')} transfers`, floor, full);
}

if (wants('packet')) {
  const floor = runCase('cases/packet.ts', ['--mode', 'floor', '--assets', '500']);
  const full = runCase('cases/packet.ts', ['--mode', 'full', '--assets', '500']);
  pair('Seizure packet, 500 assets (target ≤ 10 s)', floor, full);
  printTable('Packet contents', [{ case: full.case, ...(full.extra ?? {}) }]);
}

if (wants('resolve')) {
  const floor = runCase('case-resolve.ts', ['--rows', String(mentions), '--mode', 'floor']);
  const full = runCase('case-resolve.ts', ['--rows', String(mentions), '--mode', 'full']);
  pair(`Entity resolution, ${mentions.toLocaleString('en-US')} mentions`, floor, full);
  printTable('Resolution outcome', [{ case: 'resolveEntities', ...(full.extra ?? {}) }]);
}
