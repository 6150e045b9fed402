/**
 * `npm run fuzz -- [--seed N] [--count N] [--seconds N] [--kinds xlsx,csv-utf8,…] [--timeout MS]
 *                  [--heap MB] [--workers N] [--index I] [--docs]`
 *
 * Mutates valid statement files of every kind into hostile ones and runs the real import path on
 * each inside a worker_threads Worker with a heap limit and a wall-clock timeout, as the app runs
 * it in a throw-away worker. Every input must end imported, or refused with a readable message
 * naming the file; anything else (a crash, a hang, memory past the limit, an exception that is not
 * a refusal) is a failure, saved as a reproducer to scripts/fuzz/corpus/ which `npm test` replays
 * (shared/import/fuzz-corpus.test.ts). Prints a table per kind; `--docs` also writes it to
 * docs/robustness.md. Input i of seed S is always the same bytes: `--index i` reruns just that one.
 */
import { gzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { format } from 'prettier';
import { mulberry32 } from '../../shared/random/mulberry32';
import { mutate } from './mutate';
import type { Mutated } from './mutate';
import type { Outcome, WorkerAnswer, WorkerJob } from './protocol';
import { KINDS, loadSeeds } from './seeds';
import type { Kind, SeedFile } from './seeds';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const seed = Number(flag('--seed', '1'));
const count = Number(flag('--count', '10000'));
const seconds = Number(flag('--seconds', '900'));
const timeoutMs = Number(flag('--timeout', '120000'));
const heapMb = Number(flag('--heap', '2048'));
const workerCount = Number(flag('--workers', String(Math.max(1, Math.min(2, cpus().length)))));
const rssLimitMb = Number(flag('--rss-limit', String(Math.floor((totalmem() / 1024 / 1024) * 0.6))));
const onlyIndex = process.argv.includes('--index') ? Number(flag('--index', '0')) : null;
const kinds = flag('--kinds', KINDS.join(','))
  .split(',')
  .filter((k): k is Kind => (KINDS as readonly string[]).includes(k));
const writeDocs = process.argv.includes('--docs');
const CORPUS = 'scripts/fuzz/corpus';
/** Reproducers larger than this keep only their recipe (seed and index), not their bytes. */
const MAX_SAVED_BYTES = 4 * 1024 * 1024;
const DOCS = 'docs/robustness.md';
const FINDINGS = '## Findings';

interface Input extends Mutated {
  index: number;
  kind: Kind;
  seedFile: string;
}

interface Result {
  input: Input;
  outcome: Outcome;
  message: string;
  ms: number;
  heapBytes: number;
}

const seeds = loadSeeds();
const allSeeds: SeedFile[] = [...seeds.values()].flat();
const plain = kinds.flatMap((k) => seeds.get(k) ?? []);

/** Input `index` of this seed: the valid seed files first, as they are, then mutations. */
function inputAt(index: number): Input {
  if (index < plain.length) {
    const file = plain[index] as SeedFile;
    return { index, kind: file.kind, seedFile: file.name, name: file.name, bytes: file.bytes, mutations: [] };
  }
  const kind = kinds[index % kinds.length] as Kind;
  const rng = mulberry32((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index, 0x85ebca6b)) >>> 0);
  const pool = seeds.get(kind) ?? [];
  const file = pool[Math.floor(rng() * pool.length)] as SeedFile;
  try {
    return { index, kind, seedFile: file.name, ...mutate(rng, file, allSeeds) };
  } catch (error) {
    // The generator's own limits (a string over V8's maximum): fall back to the seed as it is.
    const why = error instanceof Error ? error.message : String(error);
    return {
      index,
      kind,
      seedFile: file.name,
      name: file.name,
      bytes: file.bytes,
      mutations: [`generator failed: ${why}`],
    };
  }
}

/** Bundled like bench/: the tsx loader would slow the pipeline and blur the timings. */
function bundleWorker(): string {
  const out = join('out', 'fuzz', 'worker.mjs');
  const built = spawnSync(
    join('node_modules', '.bin', 'esbuild'),
    [
      'scripts/fuzz/worker.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      `--outfile=${out}`,
      '--log-level=error',
      '--banner:js=import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);',
    ],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('could not bundle scripts/fuzz/worker.ts');
  return resolve(out);
}

async function save(result: Result): Promise<string> {
  const { input } = result;
  const hash = createHash('sha256').update(input.bytes).digest('hex').slice(0, 12);
  const base = join(CORPUS, `${input.kind}-${hash}`);
  mkdirSync(CORPUS, { recursive: true });
  const keep = input.bytes.length <= MAX_SAVED_BYTES;
  // Gzipped: the reproducers are mostly spreadsheets of demo rows, a tenth of their size packed.
  if (keep) writeFileSync(`${base}.bin.gz`, gzipSync(input.bytes, { level: 9 }));
  const recipe = {
    seed,
    index: input.index,
    kind: input.kind,
    seedFile: input.seedFile,
    name: input.name,
    size: input.bytes.length,
    mutations: input.mutations,
    outcome: result.outcome,
    message: result.message,
    ms: Math.round(result.ms),
    bytesSaved: keep,
    rerun: `npm run fuzz -- --seed ${seed} --index ${input.index}`,
  };
  // Formatted as the repository's prettier would, so `prettier --check .` stays clean.
  writeFileSync(`${base}.json`, await format(JSON.stringify(recipe), { parser: 'json' }));
  return base;
}

async function main(): Promise<void> {
  const script = bundleWorker();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const results: Result[] = [];
  const pending: Promise<void>[] = [];
  let next = onlyIndex ?? 0;
  const last = onlyIndex !== null ? onlyIndex + 1 : count;
  let peakRss = process.memoryUsage().rss;
  let peakRssInput = '';

  interface Slot {
    worker: Worker | null;
    job: Input | null;
    timer: NodeJS.Timeout | null;
    jobStarted: number;
  }
  const slots: Slot[] = Array.from({ length: workerCount }, () => ({
    worker: null,
    job: null,
    timer: null,
    jobStarted: 0,
  }));

  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const record = (input: Input, outcome: Outcome, message: string, ms: number, heapBytes: number): void => {
    const result: Result = { input, outcome, message, ms, heapBytes };
    if (outcome === 'failed') {
      console.log(
        `FAILED #${input.index} ${input.kind} ${input.name} [${input.mutations.join('; ')}]: ${message}`,
      );
      // save() writes the bytes before its first await: they can be let go right after.
      pending.push(save(result).then((where) => console.log(`  saved ${where}.json`)));
    }
    // Keep the recipe, not the bytes: thousands of inputs (some of 100 MB) would be the peak RSS.
    results.push({ ...result, input: { ...input, bytes: new Uint8Array(0) } });
    if (results.length % 500 === 0) {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`${results.length} inputs in ${s} s`);
    }
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(script, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    worker.on('message', (answer: WorkerAnswer) => {
      const job = slot.job;
      if (!job || answer.id !== job.index) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.job = null;
      record(job, answer.status, answer.message, answer.ms, answer.heapBytes);
      feed(slot);
    });
    const lost = (why: string): void => {
      const job = slot.job;
      if (slot.timer) clearTimeout(slot.timer);
      slot.worker = null;
      slot.job = null;
      if (job) record(job, 'failed', why, performance.now() - slot.jobStarted, heapMb * 1024 * 1024);
      feed(slot);
    };
    worker.on('error', (error) => {
      worker.removeAllListeners('exit');
      void worker.terminate();
      lost(`worker crashed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) lost(`worker exited with code ${code}`);
    });
    return worker;
  };

  const stopSlot = (slot: Slot, why: string): void => {
    const worker = slot.worker;
    if (!worker) return;
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    void worker.terminate();
    const job = slot.job;
    slot.worker = null;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    if (job) record(job, 'failed', why, performance.now() - slot.jobStarted, 0);
  };

  const feed = (slot: Slot): void => {
    if (next >= last || performance.now() > deadline) {
      if (slot.worker) {
        slot.worker.removeAllListeners();
        void slot.worker.terminate();
        slot.worker = null;
      }
      if (slots.every((s) => s.job === null)) finish();
      return;
    }
    const input = inputAt(next++);
    if (!kinds.includes(input.kind)) return feed(slot);
    slot.worker ??= spawn(slot);
    slot.job = input;
    slot.jobStarted = performance.now();
    slot.timer = setTimeout(() => {
      stopSlot(slot, `hang: still running after ${timeoutMs} ms`);
      feed(slot);
    }, timeoutMs);
    const bytes = new Uint8Array(new ArrayBuffer(input.bytes.length));
    bytes.set(input.bytes);
    const job: WorkerJob = { id: input.index, name: input.name, bytes };
    slot.worker.postMessage(job, [bytes.buffer]);
  };

  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) {
      peakRss = rss;
      peakRssInput = slots
        .map((s) => (s.job ? `#${s.job.index} ${s.job.kind}` : ''))
        .filter(Boolean)
        .join(', ');
    }
    if (rss > rssLimitMb * 1024 * 1024) {
      for (const slot of slots) {
        if (!slot.job) continue;
        stopSlot(
          slot,
          `memory: process RSS ${(rss / 2 ** 20).toFixed(0)} MB over the ${rssLimitMb} MB limit`,
        );
        feed(slot);
      }
    }
  }, 50);

  for (const slot of slots) feed(slot);
  await done;
  clearInterval(sampler);
  await Promise.all(pending);
  report(results, (performance.now() - started) / 1000, peakRss, peakRssInput);
}

function report(results: Result[], elapsed: number, peakRss: number, peakRssInput: string): void {
  const mb = (n: number): string => (n / 2 ** 20).toFixed(0);
  const header = [
    'kind',
    'inputs',
    'imported',
    'refused',
    'failed',
    'slowest ms',
    'slowest input',
    'peak heap MB',
  ];
  const rows: string[][] = [];
  const summarise = (label: string, list: Result[]): void => {
    if (list.length === 0) return;
    const slowest = list.reduce((a, b) => (b.ms > a.ms ? b : a));
    const by = (o: Outcome): string => String(list.filter((r) => r.outcome === o).length);
    rows.push([
      label,
      String(list.length),
      by('imported'),
      by('refused'),
      by('failed'),
      slowest.ms.toFixed(0),
      `#${slowest.input.index} ${slowest.input.mutations.join('; ').slice(0, 60) || 'valid seed'}`,
      mb(Math.max(...list.map((r) => r.heapBytes))),
    ]);
  };
  for (const kind of kinds)
    summarise(
      kind,
      results.filter((r) => r.input.kind === kind),
    );
  summarise('all', results);
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const command = `npm run fuzz -- ${process.argv.slice(2).join(' ')}`.trim();
  const summary =
    `${results.length} inputs in ${elapsed.toFixed(0)} s on ${workerCount} workers (${cpus().length} cores), ` +
    `seed ${seed}, timeout ${timeoutMs} ms, worker heap limit ${heapMb} MB. ` +
    `Peak process RSS ${mb(peakRss)} MB (while ${peakRssInput || 'idle'} ran).`;
  console.log(`\n${table}\n\n${summary}`);
  const failures = results.filter((r) => r.outcome === 'failed');
  if (failures.length > 0) console.log(`${failures.length} failures saved to ${CORPUS}/`);
  if (writeDocs) writeRobustness(table, summary, command);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

function writeRobustness(table: string, summary: string, command: string): void {
  const text = `# Robustness under hostile input

Measured by the fuzzing harness (\`scripts/fuzz/\`), which mutates valid statement files of every
kind — the demo case's XLSX and CSV files, XLS BIFF8 converted from them, CSV in CP1251, UTF-8
and UTF-16, real MT940 files, CAMT.053 fixtures, Binance and TronScan exports — and runs the
real import path (preview, import, preparation for the store) on each inside a worker with a
heap limit and a wall-clock timeout.

Mutations: byte and bit flips, truncation, inserted/deleted/repeated ranges, splices of other
files, re-encoding (UTF-16LE/BE, UTF-8 BOM, mangled single-byte), huge cells (up to 40 MB),
up to 1,048,577 lines, extra columns, formula cells, unclosed quotes; for CAMT.053 billion
laughs, external entities, nesting up to 1,000,000 deep, dropped closing tags, repeated
elements, bad entities; for XLSX shuffled, duplicated, dropped, renamed and stored zip entries,
mutated sheet XML, huge inline cells, formulas with an external link, zip bombs (64 MB, 600 MB
and 2.2 GB of output, declared honestly or declaring 1 KiB), and crafted 1,048,576- and
1,048,577-row sheets.

Outcomes: **imported**; **refused** — an \`ImportError\` whose message names the file and says
what is wrong (checked by \`unreadableRefusal\`); **failed** — anything else: a crash, a hang past
the timeout, memory past the heap limit, an exception that is not a refusal, or an unreadable
message. Failures are saved to \`scripts/fuzz/corpus/\` and replayed by
\`shared/import/fuzz-corpus.test.ts\` in \`npm test\`.

## Limits

One \`ImportLimits\` object (\`shared/import/read/limits.ts\`), defaults below, each overridable per
import (\`importStatement(bytes, name, { limits: { maxRowsPerSheet: 2_000_000 } })\`). Every refusal is
an \`ImportError\` naming the file, the limit, the measured value and the option to raise.

| limit | default | checked |
| --- | --- | --- |
| \`maxFileBytes\` | 512 MiB | before anything is read |
| \`maxUncompressedBytes\` | 2 GiB | XLSX: the sizes the zip declares, then what each part really inflates to (counted in 16 KiB steps, output discarded; a part inflating past its declared size is refused as a zip bomb) |
| \`maxRowsPerSheet\` | 1,048,576 | XLSX/XLS per sheet, CSV lines |
| \`maxCells\` | 50,000,000 | filled cells over all sheets (XLSX/XLS/CSV) |
| \`maxColumns\` | 16,384 | fields in one CSV line (XLSX/XLS cannot have more) |
| \`maxXmlDepth\` | 64 | CAMT.053 nesting, in a linear pre-scan that also refuses DTDs and entity declarations |
| \`maxParseSeconds\` | 600 | by the host: it terminates the import worker and reports \`parseTimeRefusal\` |

## Results

Command: \`${command}\`

${table}

${summary}

"peak heap" is the worker's V8 heap size after the input (the heap grows to the peak and gives
memory back lazily), the highest over the inputs of that kind; the process RSS includes the
workers and their array buffers (inflated zip parts live there, outside the heap limit).
`;
  // The hand-written findings below the measured part survive a new run.
  const previous = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '';
  const findings = previous.indexOf(FINDINGS);
  writeFileSync(DOCS, findings >= 0 ? `${text}\n${previous.slice(findings)}` : text);
  console.log('wrote docs/robustness.md');
}

await main();
