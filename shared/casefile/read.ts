/**
 * readCaseFile: ZIP bytes → CaseData, all or nothing. Order of checks: the container opens, the
 * manifest is ours and of a version/encryption we understand, the listed tables are exactly the
 * ZIP's entries, every table hashes to its manifest sha256, then every table parses, validates and
 * agrees with the manifest's row counts and the sources' counts, and the audit chain verifies.
 * Only then is anything returned; the first failure throws a CaseFileError naming the table.
 */
import { strFromU8, unzipSync } from 'fflate';
import { verifyAuditChain, type AuditEntry } from '../audit/chain';
import type { Case } from '../model/case';
import type {
  IdentifierMention,
  ImportedTransaction,
  InvalidMention,
  StatementImport,
} from '../model/statement';
import { BlockError, decodeBlock, type RecordSpec } from './blocks';
import { CaseFileError } from './errors';
import {
  CASE_FILE_FORMAT,
  CASE_FILE_VERSION,
  COLUMNAR_TABLES,
  MANIFEST_FILE,
  manifestSchema,
  NDJSON_TABLES,
  tableFile,
  type ColumnarTableName,
  type TableEntry,
} from './format';
import { nobleSha256Hex } from './hash';
import { isSealedCaseFile } from './sealed';
import { fromNdjson } from './ndjson';
import { INVALID_SPEC, MENTION_SPEC, TRANSACTION_SPEC } from './schemas';
import { sourceLineSchema, type SourceLine } from './sources-table';
import { caseDataOf, type CaseData, type CaseSetting, type Sha256Hex } from './types';
import {
  auditEntrySchema,
  decisionSchema,
  freezeRequestSchema,
  graphViewSchema,
  settingSchema,
} from './audit-table';
import type { FreezeRequest } from '../freeze/types';
import type { SavedGraphView } from '../graph/saved-view';
import type { EntityDecision } from '../resolve/decisions';

export interface ReadCaseFileOptions {
  sha256?: Sha256Hex;
}

const BLOCK_NAME = /^(transactions|mentions|invalid)\/(\d{6})$/;

export function readCaseFile(bytes: Uint8Array, options: ReadCaseFileOptions = {}): CaseData {
  const hash = options.sha256 ?? nobleSha256Hex;
  const entries = unzip(bytes);
  const manifest = readManifest(entries);
  const tables = checkTableList(manifest.tables, entries);

  // Hash everything before parsing anything: a tampered file is reported as tampered, not as malformed.
  for (const [name, entry] of tables) {
    const actual = hash(entries[entry.file] as Uint8Array);
    if (actual !== entry.sha256)
      throw new CaseFileError('checksum', `expected sha256 ${entry.sha256}, found ${actual}`, name);
  }
  const text = (name: string): string =>
    strFromU8(entries[(tables.get(name) as TableEntry).file] as Uint8Array);

  const lines = parseNdjson(
    'sources',
    text('sources'),
    tables,
    (v) => sourceLineSchema.parse(v) as SourceLine,
  );
  const audit = parseNdjson('audit', text('audit'), tables, (v) => auditEntrySchema.parse(v) as AuditEntry);
  // Optional: files written before decisions existed have none.
  const decisions = tables.has('decisions')
    ? parseNdjson('decisions', text('decisions'), tables, (v) => decisionSchema.parse(v) as EntityDecision)
    : [];
  const freezeRequests = tables.has('freeze-requests')
    ? parseNdjson(
        'freeze-requests',
        text('freeze-requests'),
        tables,
        (v) => freezeRequestSchema.parse(v) as FreezeRequest,
      )
    : [];
  const graphViews = tables.has('graph-views')
    ? parseNdjson(
        'graph-views',
        text('graph-views'),
        tables,
        (v) => graphViewSchema.parse(v) as unknown as SavedGraphView,
      )
    : [];
  const settings = tables.has('settings')
    ? parseNdjson('settings', text('settings'), tables, (v) => settingSchema.parse(v) as CaseSetting)
    : [];

  const bySha = new Map<string, number>();
  lines.forEach((l, i) => {
    if (bySha.has(l.source.sha256))
      throw new CaseFileError('bad-table', `source ${l.source.sha256} appears twice`, 'sources');
    bySha.set(l.source.sha256, i);
  });
  const transactions = readColumnar<ImportedTransaction>(
    'transactions',
    TRANSACTION_SPEC,
    tables,
    text,
    bySha,
  );
  const mentions = readColumnar<IdentifierMention>('mentions', MENTION_SPEC, tables, text, bySha);
  const invalid = readColumnar<InvalidMention>('invalid', INVALID_SPEC, tables, text, bySha);

  const sources: StatementImport[] = lines.map((line, i) => {
    const { counts, ...rest } = line;
    const s: StatementImport = {
      ...rest,
      transactions: transactions[i] ?? [],
      mentions: mentions[i] ?? [],
      invalid: invalid[i] ?? [],
    };
    for (const key of ['transactions', 'mentions', 'invalid'] as const) {
      if (s[key].length !== counts[key])
        throw new CaseFileError(
          'bad-table',
          `source ${line.source.name} should have ${counts[key]} ${key}, the blocks hold ${s[key].length}`,
          'sources',
        );
    }
    return s;
  });

  const kase = manifest.case as Case;
  const verdict = verifyAuditChain(kase.id, audit);
  if (!verdict.ok)
    throw new CaseFileError(
      'audit-chain',
      `broken at entry #${verdict.seq} (${verdict.problem}): ${verdict.detail}`,
      'audit',
    );
  return caseDataOf({ case: kase, sources, audit }, { decisions, freezeRequests, settings, graphViews });
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  if (isSealedCaseFile(bytes))
    throw new CaseFileError(
      'encrypted',
      'this case file is sealed with a passphrase; it can only be opened with that passphrase',
    );
  try {
    return unzipSync(bytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new CaseFileError('not-a-zip', `not a readable ZIP archive (damaged or cut short?): ${reason}`);
  }
}

function readManifest(entries: Record<string, Uint8Array>) {
  const bytes = entries[MANIFEST_FILE];
  if (!bytes) throw new CaseFileError('not-a-case-file', `not a MoneyTrail case file: no ${MANIFEST_FILE}`);
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bytes));
  } catch {
    throw new CaseFileError('bad-manifest', `${MANIFEST_FILE} is not valid JSON`);
  }
  const head = (raw ?? {}) as Record<string, unknown>;
  if (head.format !== CASE_FILE_FORMAT)
    throw new CaseFileError(
      'not-a-case-file',
      `not a MoneyTrail case file: format is ${JSON.stringify(head.format)}`,
    );
  if (head.formatVersion !== CASE_FILE_VERSION)
    throw new CaseFileError(
      'unsupported-version',
      `case file format version ${JSON.stringify(head.formatVersion)} is not supported; this MoneyTrail reads version ${CASE_FILE_VERSION} (update MoneyTrail to open it)`,
    );
  if (head.encryption !== null)
    throw new CaseFileError(
      'encrypted',
      'this case file is encrypted with a passphrase; this MoneyTrail cannot open encrypted case files',
    );
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CaseFileError('bad-manifest', `${MANIFEST_FILE}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The manifest must list sources and audit, numbered blocks 000001… without gaps, and nothing else. */
function checkTableList(
  listed: Record<string, TableEntry>,
  entries: Record<string, Uint8Array>,
): Map<string, TableEntry> {
  const blocks = new Map<string, number>(COLUMNAR_TABLES.map((t) => [t, 0]));
  const names = Object.keys(listed).sort();
  for (const name of names) {
    const entry = listed[name] as TableEntry;
    const m = BLOCK_NAME.exec(name);
    if (!(NDJSON_TABLES as readonly string[]).includes(name) && !m)
      throw new CaseFileError('bad-manifest', `unknown table name`, name);
    if (m) {
      const n = (blocks.get(m[1] as string) as number) + 1;
      if (Number(m[2]) !== n)
        throw new CaseFileError('missing-table', `block numbering has a gap before it`, name);
      blocks.set(m[1] as string, n);
    }
    if (entry.file !== tableFile(name))
      throw new CaseFileError('bad-manifest', `file must be ${tableFile(name)}, is ${entry.file}`, name);
    if (!entries[entry.file])
      throw new CaseFileError('missing-table', `${entry.file} is missing from the ZIP`, name);
  }
  for (const required of ['sources', 'audit'])
    if (!listed[required]) throw new CaseFileError('missing-table', 'not listed in the manifest', required);
  const files = new Set(names.map((n) => (listed[n] as TableEntry).file));
  for (const file of Object.keys(entries))
    if (file !== MANIFEST_FILE && !files.has(file))
      throw new CaseFileError('unexpected-entry', `the ZIP holds ${file}, which the manifest does not list`);
  return new Map(names.map((n) => [n, listed[n] as TableEntry]));
}

function parseNdjson<T>(
  name: string,
  text: string,
  tables: Map<string, TableEntry>,
  validate: (v: unknown) => T,
): T[] {
  let values: unknown[];
  try {
    values = fromNdjson(text);
  } catch (e) {
    throw new CaseFileError('bad-table', (e as Error).message, name);
  }
  checkRows(name, values.length, tables);
  return values.map((v, i) => {
    try {
      return validate(v);
    } catch (e) {
      const issue = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
      const detail = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : (e as Error).message;
      throw new CaseFileError('bad-table', `line ${i + 1}: ${detail}`, name);
    }
  });
}

function checkRows(name: string, rows: number, tables: Map<string, TableEntry>): void {
  const expected = (tables.get(name) as TableEntry).rows;
  if (rows !== expected)
    throw new CaseFileError('bad-table', `manifest says ${expected} rows, found ${rows}`, name);
}

/** Decodes every block of a table and deals its rows out to sources, by source index, in order. */
function readColumnar<T>(
  table: ColumnarTableName,
  spec: RecordSpec,
  tables: Map<string, TableEntry>,
  text: (name: string) => string,
  bySha: Map<string, number>,
): T[][] {
  const chunks: T[][][] = [];
  for (const name of tables.keys()) {
    if (!name.startsWith(`${table}/`)) continue;
    let decoded: { records: T[]; sources: string[] };
    try {
      decoded = decodeBlock<T>(spec, JSON.parse(text(name)));
    } catch (e) {
      if (e instanceof SyntaxError) throw new CaseFileError('bad-table', 'is not valid JSON', name);
      if (e instanceof BlockError) throw new CaseFileError('bad-table', e.message, name);
      throw e;
    }
    checkRows(name, decoded.records.length, tables);
    // Rows come in runs of one source (written source by source); each run is one slice, not n pushes.
    const { records, sources } = decoded;
    let start = 0;
    let last = -1;
    for (let i = 1; i <= records.length; i++) {
      if (i < records.length && sources[i] === sources[start]) continue;
      const index = bySha.get(sources[start] as string);
      if (index === undefined)
        throw new CaseFileError(
          'bad-table',
          `row ${start} belongs to unknown source ${sources[start]}`,
          name,
        );
      if (index <= last) throw new CaseFileError('bad-table', `row ${start} is out of source order`, name);
      last = index;
      (chunks[index] ??= []).push(start === 0 && i === records.length ? records : records.slice(start, i));
      start = i;
    }
  }
  return chunks.map((c) => (c.length === 1 ? (c[0] as T[]) : c.flat()));
}
