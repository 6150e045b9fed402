/**
 * The child-process side of a benchmark case: time one piece of work and report it, with the
 * process's peak RSS, as one `RESULT {json}` line on stdout for run.ts to collect.
 */
import { readFileSync } from 'node:fs';

export interface CaseResult {
  case: string;
  rows: number;
  bytes: number;
  seconds: number;
  peakRssMb: number;
  /** Extra numbers a case wants in its own table (precision, recall…). */
  extra?: Record<string, number>;
}

export function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`missing ${name}`);
  return value;
}

export function readBytes(path: string): Uint8Array {
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Runs `work` once after a GC, so garbage from setup does not count against it. */
export function timed<T>(work: () => T): { value: T; seconds: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = process.hrtime.bigint();
  const value = work();
  return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

export function report(result: Omit<CaseResult, 'peakRssMb'>): void {
  // maxRSS is in kilobytes: the high-water mark of this process, setup included.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`RESULT ${JSON.stringify({ ...result, peakRssMb })}`);
}
