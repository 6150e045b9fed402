/**
 * Writes the demo case «Снежок» to resources/demo/: the six statement files, manifest.json (import
 * order, sizes, SHA-256) and README.md (the investigator's answer key). Deterministic: running it
 * twice gives identical bytes, which cli/demo-files.test.ts checks.
 *   npx tsx scripts/make-demo.ts [--seed N] [--out DIR]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildScenario, DEMO_SEED, demoFiles, demoManifest, demoReadme, describeCase } from '../shared/demo';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seed = Number(arg('--seed') ?? DEMO_SEED);
const out = resolve(arg('--out') ?? 'resources/demo');
const scenario = buildScenario(seed);
const files = demoFiles(scenario);

mkdirSync(out, { recursive: true });
// Old files of another seed would linger next to the manifest that no longer lists them.
for (const name of readdirSync(out)) if (/\.(xlsx|csv)$/.test(name)) rmSync(join(out, name));
for (const f of files) writeFileSync(join(out, f.name), f.bytes);
writeFileSync(join(out, 'manifest.json'), demoManifest(scenario, files));
writeFileSync(join(out, 'README.md'), demoReadme(scenario, files, describeCase(scenario)));

const total = files.reduce((n, f) => n + f.bytes.length, 0);
for (const f of files)
  console.log(`${f.name.padEnd(64)} ${String(f.bytes.length).padStart(8)} B  ${f.transactions} tx`);
console.log(`${files.length} files, ${(total / 1024).toFixed(0)} KB → ${out}`);
