/**
 * Replays every reproducer the fuzzing harness saved (scripts/fuzz/corpus/*.bin.gz): each once made
 * the import crash, hang or refuse unreadably, and must now end imported or refused with a
 * message naming the file. Runs the same path as the harness's worker: preview, import.
 */
// eslint-disable-next-line no-restricted-imports -- a test reading its corpus from disk
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importStatement, previewStatement, unreadableRefusal } from '.';

const CORPUS = 'scripts/fuzz/corpus';
/** Replays are a regression net, not a benchmark: anything slower than this is itself a bug. */
const PER_FILE_MS = 15_000;

interface Recipe {
  name: string;
  mutations: string[];
  message: string;
}

const files = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.bin.gz'))
      .sort()
  : [];

function outcome(bytes: Uint8Array, name: string): string {
  try {
    previewStatement(bytes, name);
    importStatement(bytes, name, { importedAt: 0 });
    return 'imported';
  } catch (error) {
    return unreadableRefusal(error, name) ?? 'refused';
  }
}

describe('fuzz corpus replay', () => {
  it('has a corpus to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(
      `${file} is imported or refused readably`,
      () => {
        const recipe = JSON.parse(
          readFileSync(`${CORPUS}/${file.replace(/\.bin\.gz$/, '.json')}`, 'utf8'),
        ) as Recipe;
        const bytes = gunzipSync(new Uint8Array(readFileSync(`${CORPUS}/${file}`)));
        expect(outcome(bytes, recipe.name)).toMatch(/^(imported|refused)$/);
      },
      PER_FILE_MS,
    );
  }
});
