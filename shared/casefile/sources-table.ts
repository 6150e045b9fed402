/**
 * The `sources` table: one NDJSON line per imported file with everything about it except the
 * three big lists (transactions, mentions, invalid), which live in columnar blocks. `counts`
 * lets the reader prove every block row landed in the right source.
 */
import { z } from 'zod';
import type { StatementImport } from '../model/statement';

export interface SourceCounts {
  transactions: number;
  mentions: number;
  invalid: number;
}

export type SourceLine = Omit<StatementImport, 'transactions' | 'mentions' | 'invalid'> & {
  counts: SourceCounts;
};

export function toSourceLine(s: StatementImport): SourceLine {
  const { transactions, mentions, invalid, ...rest } = s;
  return {
    ...rest,
    counts: { transactions: transactions.length, mentions: mentions.length, invalid: invalid.length },
  };
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const count = z.number().int().nonnegative();
const opt = <T extends z.ZodType>(t: T) => t.optional();

const rowRef = { sheet: z.string(), row: finite, column: opt(z.string()) };

// Loose objects: properties a newer model adds survive the round trip instead of being stripped.
const sourceFile = z.looseObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  name: z.string(),
  size: count,
  format: z.enum(['xlsx', 'xls', 'csv', 'mt940', 'camt053']),
  encoding: opt(z.string()),
  importedAt: finite,
  importerVersion: finite,
});

const account = z.looseObject({
  sheet: z.string(),
  row: finite,
  bankName: opt(z.string()),
  bic: opt(z.string()),
  holderName: opt(z.string()),
  idNumber: opt(z.string()),
  account: opt(z.string()),
  card: opt(z.string()),
  phone: opt(z.string()),
  currency: opt(z.string()),
  periodFrom: opt(finite),
  periodTo: opt(finite),
  openingBalanceMinor: opt(finite),
  closingBalanceMinor: opt(finite),
});

const rejected = z.looseObject({ ...rowRef, reason: z.string() });

const check = z.looseObject({
  kind: z.enum(['balance', 'running-balance', 'totals', 'period-gap']),
  ok: z.boolean(),
  sheet: z.string(),
  rows: z.array(finite),
  message: z.string(),
});

const mapping = z.looseObject({
  sheet: z.string(),
  headerRows: z.array(finite),
  signature: z.string(),
  columns: z.array(
    z.looseObject({
      column: z.string(),
      caption: z.string(),
      role: z.string().nullable(),
      confidence: finite,
    }),
  ),
});

const rowAccounting = z.looseObject({
  transactions: count,
  rejected: count,
  preamble: count,
  header: count,
  totals: count,
  blank: count,
  other: count,
});

export const sourceLineSchema = z.looseObject({
  source: sourceFile,
  accounts: z.array(account),
  rejected: z.array(rejected),
  checks: z.array(check),
  mappings: z.array(mapping),
  rows: rowAccounting,
  warnings: z.array(rejected),
  counts: z.object({ transactions: count, mentions: count, invalid: count }),
});
