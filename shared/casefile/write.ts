/**
 * writeCaseFile: CaseData → ZIP bytes. It refuses (CaseFileError 'invalid-data') anything it could
 * not read back identically — wrong field types, duplicate sources, a broken audit chain — so a
 * file that was written can always be opened again.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { verifyAuditChain } from '../audit/chain';
import type { StatementImport } from '../model/statement';
import { encodeBlock, RecordError, type RecordSpec } from './blocks';
import { CaseFileError } from './errors';
import {
  blockTableName,
  BLOCK_ROWS,
  CASE_FILE_FORMAT,
  CASE_FILE_VERSION,
  caseSchema,
  DEFAULT_DEFLATE_LEVEL,
  MANIFEST_FILE,
  tableFile,
  type CaseFileManifest,
  type ColumnarTableName,
  type TableEntry,
} from './format';
import { nobleSha256Hex } from './hash';
import { toNdjson } from './ndjson';
import { INVALID_SPEC, MENTION_SPEC, TRANSACTION_SPEC } from './schemas';
import { toSourceLine } from './sources-table';
import type { CaseData, Sha256Hex } from './types';

export interface WriteCaseFileOptions {
  /** Stamped into the manifest and the ZIP entries' times; default now. */
  createdAt?: number;
  app?: { name: string; version: string };
  /** Deflate level 0–9; default DEFAULT_DEFLATE_LEVEL. */
  level?: DeflateLevel;
  sha256?: Sha256Hex;
}

const COLUMNAR: {
  table: ColumnarTableName;
  spec: RecordSpec;
  pick: (s: StatementImport) => readonly object[];
}[] = [
  { table: 'transactions', spec: TRANSACTION_SPEC, pick: (s) => s.transactions },
  { table: 'mentions', spec: MENTION_SPEC, pick: (s) => s.mentions },
  { table: 'invalid', spec: INVALID_SPEC, pick: (s) => s.invalid },
];

export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** One file of the case ZIP, uncompressed, with the deflate level it is to be stored at. */
export interface CaseFileEntry {
  name: string;
  bytes: Uint8Array;
  level: DeflateLevel;
}

/** Level of the manifest, whatever the tables' level: it is small and read first. */
const MANIFEST_LEVEL = 6;

export function writeCaseFile(data: CaseData, options: WriteCaseFileOptions = {}): Uint8Array {
  const level = options.level ?? DEFAULT_DEFLATE_LEVEL;
  // The manifest is the ZIP's first entry (assigned again at the end) so `unzip -l` shows it on top.
  const files: Zippable = { [MANIFEST_FILE]: new Uint8Array(0) };
  encodeCaseFile(data, options, (entry) => {
    files[entry.name] = entry.level === level ? entry.bytes : [entry.bytes, { level: entry.level }];
  });
  return zipSync(files, { level, mtime: caseFileTime(options.createdAt ?? Date.now()) });
}

/**
 * The case file's entries, each handed to `sink` as soon as it is encoded (so a caller with
 * native deflate can compress one while the next is encoded); the manifest comes last and belongs
 * first in the ZIP. Refuses data it could not read back, as writeCaseFile does.
 */
export function encodeCaseFile(
  data: CaseData,
  options: WriteCaseFileOptions,
  sink: (entry: CaseFileEntry) => void,
): void {
  const createdAt = options.createdAt ?? Date.now();
  const level = options.level ?? DEFAULT_DEFLATE_LEVEL;
  const hash = options.sha256 ?? nobleSha256Hex;
  checkData(data);

  const tables: Record<string, TableEntry> = {};
  const put = (name: string, text: string, rows: number): void => {
    const bytes = strToU8(text);
    const file = tableFile(name);
    tables[name] = { file, rows, sha256: hash(bytes) };
    sink({ name: file, bytes, level });
  };

  put('sources', toNdjson(data.sources.map(toSourceLine)), data.sources.length);
  for (const { table, spec, pick } of COLUMNAR) writeBlocks(table, spec, data.sources, pick, put);
  put('audit', toNdjson(data.audit), data.audit.length);
  if (data.decisions && data.decisions.length > 0)
    put('decisions', toNdjson(data.decisions), data.decisions.length);
  if (data.freezeRequests && data.freezeRequests.length > 0)
    put('freeze-requests', toNdjson(data.freezeRequests), data.freezeRequests.length);
  if (data.settings && data.settings.length > 0)
    put('settings', toNdjson(data.settings), data.settings.length);
  if (data.graphViews && data.graphViews.length > 0)
    put('graph-views', toNdjson(data.graphViews), data.graphViews.length);

  const manifest: CaseFileManifest = {
    format: CASE_FILE_FORMAT,
    formatVersion: CASE_FILE_VERSION,
    createdAt,
    app: options.app ?? { name: 'MoneyTrail', version: 'unknown' },
    case: data.case,
    tables,
    encryption: null,
  };
  sink({ name: MANIFEST_FILE, bytes: strToU8(JSON.stringify(manifest, null, 2)), level: MANIFEST_LEVEL });
}

/** ZIP (DOS) timestamps only cover 1980–2099; the manifest keeps the exact time either way. */
export function caseFileTime(ms: number): Date {
  const min = Date.UTC(1980, 0, 2);
  const max = Date.UTC(2099, 11, 30);
  return new Date(Math.min(Math.max(ms, min), max));
}

function checkData(data: CaseData): void {
  const c = caseSchema.safeParse(data.case);
  if (!c.success) throw new CaseFileError('invalid-data', `case is not valid: ${c.error.issues[0]?.message}`);
  const seen = new Set<string>();
  for (const s of data.sources) {
    if (!/^[0-9a-f]{64}$/.test(s.source.sha256))
      throw new CaseFileError('invalid-data', `source ${s.source.name} has no valid sha256`);
    if (seen.has(s.source.sha256))
      throw new CaseFileError('invalid-data', `source ${s.source.sha256} (${s.source.name}) appears twice`);
    seen.add(s.source.sha256);
  }
  const verdict = verifyAuditChain(data.case.id, data.audit);
  if (!verdict.ok)
    throw new CaseFileError(
      'invalid-data',
      `audit log is broken at entry #${verdict.seq}: ${verdict.detail}`,
    );
}

/** Fills blocks of BLOCK_ROWS across source boundaries; a block remembers which source each run came from. */
function writeBlocks(
  table: ColumnarTableName,
  spec: RecordSpec,
  sources: readonly StatementImport[],
  pick: (s: StatementImport) => readonly object[],
  put: (name: string, text: string, rows: number) => void,
): void {
  let records: object[] = [];
  let shas: string[] = [];
  let runs: { source: StatementImport; start: number; offset: number }[] = [];
  let blocks = 0;
  const flush = (): void => {
    if (records.length === 0) return;
    try {
      put(blockTableName(table, blocks), JSON.stringify(encodeBlock(spec, records, shas)), records.length);
    } catch (e) {
      if (!(e instanceof RecordError)) throw e;
      const run = runs.findLast((r) => r.offset <= e.row) as (typeof runs)[number];
      throw new CaseFileError(
        'invalid-data',
        `${table} #${run.start + e.row - run.offset} of ${run.source.source.name}: ${e.message}`,
      );
    }
    blocks++;
    records = [];
    shas = [];
    runs = [];
  };
  for (const source of sources) {
    const list = pick(source);
    for (let i = 0; i < list.length; i++) {
      if (records.length === 0 || i === 0) runs.push({ source, start: i, offset: records.length });
      records.push(list[i] as object);
      shas.push(source.source.sha256);
      if (records.length === BLOCK_ROWS) flush();
    }
  }
  flush();
}
