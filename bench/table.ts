/** Markdown tables with aligned columns, so the output reads in a terminal and pastes into a PR. */
import type { CaseResult } from './measure';

export type Row = (CaseResult & { ratio: number }) | Record<string, string | number>;

const TIMING: [string, (r: CaseResult & { ratio: number }) => string][] = [
  ['case', (r) => r.case],
  ['rows', (r) => r.rows.toLocaleString('en-US')],
  ['MiB', (r) => (r.bytes / 1024 / 1024).toFixed(1)],
  ['seconds', (r) => r.seconds.toFixed(2)],
  ['rows/s', (r) => Math.round(r.rows / r.seconds).toLocaleString('en-US')],
  ['peak RSS MiB', (r) => r.peakRssMb.toFixed(0)],
  ['ratio to floor', (r) => `${r.ratio.toFixed(1)}×`],
];

function isTiming(r: Row): r is CaseResult & { ratio: number } {
  return typeof r.seconds === 'number' && typeof r.ratio === 'number';
}

function cell(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(4);
  return String(v);
}

export function printTable(title: string, rows: readonly Row[]): void {
  let header: string[];
  let body: string[][];
  if (rows.every(isTiming)) {
    header = TIMING.map(([h]) => h);
    body = rows.map((r) => TIMING.map(([, f]) => f(r as CaseResult & { ratio: number })));
  } else {
    header = Object.keys(rows[0] ?? {});
    body = rows.map((r) => header.map((h) => cell((r as Record<string, unknown>)[h])));
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  // Text left, numbers right, as in the investigator's tables.
  const numeric = header.map((_, i) => i > 0);
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`,
  );
  for (const b of body) console.log(line(b));
}
