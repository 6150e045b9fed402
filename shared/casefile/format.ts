/**
 * Constants and the manifest of the portable case file (see docs/case-file.md). The manifest is
 * the only file a reader must understand before anything else: it says which version wrote the
 * ZIP and lists every table with its row count and SHA-256.
 */
import { z } from 'zod';
import type { Case } from '../model/case';

export const CASE_FILE_FORMAT = 'moneytrail-case';
export const CASE_FILE_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** Rows per columnar block: large enough that per-block overhead vanishes, small enough to stream. */
export const BLOCK_ROWS = 50_000;

/** Level 1 measured as fast as 6 with ~the same size on statement-like data; see docs/case-file.md. */
export const DEFAULT_DEFLATE_LEVEL = 1;

export interface TableEntry {
  /** Path inside the ZIP. */
  file: string;
  rows: number;
  /** Lower-case hex SHA-256 of the uncompressed table bytes. */
  sha256: string;
}

export interface CaseFileManifest {
  format: typeof CASE_FILE_FORMAT;
  formatVersion: typeof CASE_FILE_VERSION;
  createdAt: number;
  app: { name: string; version: string };
  case: Case;
  tables: Record<string, TableEntry>;
  /** Reserved for a passphrase-encrypted variant; always null in version 1. */
  encryption: null;
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const count = z.number().int().nonnegative();

/** Loose: extra Case fields written by a later app version survive a round trip. */
export const caseSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  registryNumber: z.string(),
  investigator: z.string(),
  createdAt: finite,
  updatedAt: finite,
});

export const tableEntrySchema = z.object({
  file: z.string().min(1),
  rows: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
});

export const manifestSchema = z.object({
  format: z.literal(CASE_FILE_FORMAT),
  formatVersion: z.literal(CASE_FILE_VERSION),
  createdAt: finite,
  app: z.object({ name: z.string(), version: z.string() }),
  case: caseSchema,
  tables: z.record(z.string(), tableEntrySchema),
  encryption: z.null(),
});

/** Table names: fixed ones for small NDJSON tables, numbered blocks for the columnar ones. */
export const NDJSON_TABLES = [
  'sources',
  'audit',
  'decisions',
  'freeze-requests',
  'settings',
  'graph-views',
] as const;
export const COLUMNAR_TABLES = ['transactions', 'mentions', 'invalid'] as const;
export type ColumnarTableName = (typeof COLUMNAR_TABLES)[number];

export function blockTableName(table: ColumnarTableName, index: number): string {
  return `${table}/${String(index + 1).padStart(6, '0')}`;
}

export function tableFile(name: string): string {
  return (NDJSON_TABLES as readonly string[]).includes(name) ? `${name}.ndjson` : `${name}.json`;
}
