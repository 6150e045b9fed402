/**
 * Properties over real imports of seeded demo cases (every file the demo generator renders:
 * Kaspi XLSX, Freedom CP1251 CSV, Halyk XLSX, Binance and TronScan CSV):
 * - importing the same bytes again gives the same import, number for number and with the same
 *   SHA-256 — the key the case store refuses a second copy by (renderer/db/sources.ts,
 *   AlreadyImportedError), so re-importing a file changes nothing;
 * - writing a case file and reading it back is the identity, for any subset of the sources in
 *   any order, and writing is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario, demoFiles } from '../demo';
import { importStatement } from '../import';
import type { StatementImport } from '../model/statement';
import { mulberry32 } from '../random/mulberry32';
import { readCaseFile, writeCaseFile } from './index';
import { sampleAudit, sampleCase } from './test-fixtures';

const SCENARIOS = [11, 12];
const T0 = Date.UTC(2025, 10, 25, 12, 0);

describe.each(SCENARIOS)('demo scenario %i', (scenario) => {
  const files = demoFiles(buildScenario(scenario));
  const imports: StatementImport[] = files.map((f, i) =>
    importStatement(f.bytes, f.name, { importedAt: T0 + i * 60_000 }),
  );

  it('re-importing a file gives the same import and the same SHA-256', () => {
    files.forEach((f, i) => {
      const again = importStatement(f.bytes.slice(), f.name, { importedAt: T0 + i * 60_000 });
      expect(again, f.name).toStrictEqual(imports[i]);
    });
    expect(new Set(imports.map((s) => s.source.sha256)).size).toBe(files.length);
  });

  it('case file export then import is the identity for random subsets and orders', () => {
    const rng = mulberry32(scenario);
    for (let round = 0; round < 4; round++) {
      const chosen = imports.filter(() => rng() < 0.6);
      for (let i = chosen.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
      }
      const kase = { ...sampleCase(), id: `case-${scenario}-${round}` };
      const data = { case: kase, sources: chosen, audit: sampleAudit(kase, chosen) };
      const written = writeCaseFile(data, { createdAt: T0 });
      expect(readCaseFile(written), `round ${round}`).toStrictEqual(data);
      expect(writeCaseFile(data, { createdAt: T0 })).toEqual(written);
    }
  });
});
