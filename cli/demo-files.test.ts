/**
 * The committed demo case in resources/demo/ is exactly what the generator produces today, and
 * the real import pipeline reads every file of it completely: no rejected rows, the planted
 * transaction counts, every integrity check passing, the planted identifiers found.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildScenario, demoFiles, demoManifest, demoReadme, describeCase } from '../shared/demo';
import { importStatement } from '../shared/import';

const DIR = fileURLToPath(new URL('../resources/demo/', import.meta.url));
const scenario = buildScenario();
const files = demoFiles(scenario);

describe('resources/demo', () => {
  it('matches the generator byte for byte (run `npm run demo:make` after changing shared/demo)', () => {
    for (const f of files) expect(readFileSync(DIR + f.name).equals(f.bytes), f.name).toBe(true);
    expect(readFileSync(DIR + 'manifest.json', 'utf8')).toBe(demoManifest(scenario, files));
    expect(readFileSync(DIR + 'README.md', 'utf8')).toBe(demoReadme(scenario, files, describeCase(scenario)));
  });

  const imports = files.map((f) => ({
    file: f,
    result: importStatement(f.bytes, f.name, { importedAt: 0 }),
  }));

  for (const { file, result } of imports) {
    it(`imports ${file.name} completely`, () => {
      expect(result.rejected).toEqual([]);
      expect(result.transactions.length).toBe(file.transactions);
      expect(result.checks.filter((c) => !c.ok)).toEqual([]);
      expect(result.invalid).toEqual([]);
      if (file.encoding) expect(result.source.encoding).toBe(file.encoding);
    });
  }

  it('finds the planted cards, phones and wallets', () => {
    const found = new Set(
      imports.flatMap(({ result }) => result.mentions.map((m) => `${m.kind}:${m.value}`)),
    );
    for (const key of [...scenario.drops, scenario.collector]) {
      const p = scenario.people.get(key)!;
      expect(found, `${key} card`).toContain(`card:${p.card}`);
      expect(found, `${key} phone`).toContain(`phone:${p.phone}`);
      expect(found, `${key} IBAN`).toContain(`iban:${p.iban}`);
      expect(found, `${key} IIN`).toContain(`iin:${p.iin}`);
      expect(found, `${key} masked card`).toContain(
        `card_masked:${p.card.slice(0, 6)}******${p.card.slice(-4)}`,
      );
    }
    const w = scenario.wallets;
    for (const wallet of [w.collector, w.binanceHot, ...w.organizers])
      expect(found).toContain(`tron:${wallet}`);
  });
});
