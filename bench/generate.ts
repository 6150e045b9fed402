/**
 * Writes the benchmark inputs: a Halyk-style CSV of N rows in UTF-8 and in Windows-1251 (the
 * same rows, so their timings compare) and a Halyk-style XLSX. Seeded: the same flags give the
 * same bytes, and the planted ground truth is regenerated from the seed instead of stored.
 *   npx tsx bench/generate.ts [--rows 1000000] [--xlsx-rows 200000] [--out DIR] [--repeat-purposes K]
 * With --repeat-purposes it also writes halyk-N.repeat-K.utf8.csv: the same layout, but each
 * counterparty has K payment purposes that its rows repeat, as in real statements (the default
 * files give every row a new one, the worst case for identifier extraction).
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import type { Cell } from '../shared/import/table';
import { rng } from '../shared/demo/ids';
import { encodeCp1251 } from '../shared/demo/cp1251';
import { csvText } from '../shared/demo/render-kit';
import { partyPool, preamble, repeatingPurposes, statementRow } from './statement';

export const SEED = 4242;

export interface Generated {
  utf8Csv: string;
  cp1251Csv: string;
  xlsx: string;
}

export function benchFiles(dir: string, rows: number, xlsxRows: number): Generated {
  return {
    utf8Csv: join(dir, `halyk-${rows}.utf8.csv`),
    cp1251Csv: join(dir, `halyk-${rows}.cp1251.csv`),
    xlsx: join(dir, `halyk-${xlsxRows}.xlsx`),
  };
}

function writeCsv(utf8Path: string, cp1251Path: string, rows: number): void {
  const random = rng(SEED);
  const pool = partyPool(random, 5000);
  const a = openSync(utf8Path, 'w');
  const b = openSync(cp1251Path, 'w');
  const encoder = new TextEncoder();
  const flush = (batch: Cell[][]): void => {
    const text = csvText(batch, ';');
    writeSync(a, encoder.encode(text));
    writeSync(b, encodeCp1251(text));
  };
  flush(preamble(rows));
  let batch: Cell[][] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(statementRow(random, pool, i, false));
    if (batch.length === 20_000) {
      flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) flush(batch);
  closeSync(a);
  closeSync(b);
}

/** The UTF-8 CSV with each counterparty's purposes repeating (see the top of this file). */
export function writeRepeatingCsv(dir: string, rows: number, perParty: number): string {
  const path = join(dir, `halyk-${rows}.repeat-${perParty}.utf8.csv`);
  const random = rng(SEED + 2);
  const pool = partyPool(random, 5000);
  const purpose = repeatingPurposes(random, pool, perParty);
  const out = openSync(path, 'w');
  const encoder = new TextEncoder();
  writeSync(out, encoder.encode(csvText(preamble(rows), ';')));
  let batch: Cell[][] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(statementRow(random, pool, i, false, purpose));
    if (batch.length === 20_000 || i === rows - 1) {
      writeSync(out, encoder.encode(csvText(batch, ';')));
      batch = [];
    }
  }
  closeSync(out);
  return path;
}

function writeXlsx(path: string, rows: number): void {
  const random = rng(SEED + 1);
  const pool = partyPool(random, 5000);
  const data: Cell[][] = preamble(rows);
  for (let i = 0; i < rows; i++) data.push(statementRow(random, pool, i, true));
  const ws = XLSX.utils.aoa_to_sheet(data, { dense: true });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Выписка');
  // The ESM build of SheetJS has no fs of its own: write the bytes ourselves.
  writeFileSync(
    path,
    new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer),
  );
}

export function generate(dir: string, rows: number, xlsxRows: number): Generated {
  mkdirSync(dir, { recursive: true });
  const files = benchFiles(dir, rows, xlsxRows);
  writeCsv(files.utf8Csv, files.cp1251Csv, rows);
  writeXlsx(files.xlsx, xlsxRows);
  return files;
}

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = flag('--out', join(tmpdir(), 'moneytrail-bench'));
  const rows = Number(flag('--rows', '1000000'));
  const files = generate(dir, rows, Number(flag('--xlsx-rows', '200000')));
  const repeat = Number(flag('--repeat-purposes', '0'));
  console.log(repeat > 0 ? { ...files, repeatingCsv: writeRepeatingCsv(dir, rows, repeat) } : files);
}
