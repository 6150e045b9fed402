import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { nobleSha256Hex } from './hash';
import { CaseFileError, readCaseFile, writeCaseFile, type CaseFileProblem } from './index';
import { sampleCaseData } from './test-fixtures';

type Entries = Record<string, Uint8Array>;
/** The manifest as a test edits it: any field may be set to anything. */
interface EditableManifest {
  [key: string]: unknown;
  case: Record<string, unknown>;
  tables: Record<string, { file: string; rows: number; sha256: string }>;
}

/** Rewrites a valid case file; `fixHash` also updates the manifest so only content checks can catch it. */
function tamper(edit: (entries: Entries, manifest: EditableManifest) => void, fixHash = false): Uint8Array {
  const entries = unzipSync(writeCaseFile(sampleCaseData()));
  const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as EditableManifest;
  edit(entries, manifest);
  if (fixHash)
    for (const t of Object.values(manifest.tables))
      if (entries[t.file]) t.sha256 = nobleSha256Hex(entries[t.file]!);
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(entries);
}

function refusal(bytes: Uint8Array): CaseFileError {
  try {
    readCaseFile(bytes);
  } catch (e) {
    if (e instanceof CaseFileError) return e;
    throw e;
  }
  throw new Error('the case file was accepted');
}

function expectRefused(bytes: Uint8Array, problem: CaseFileProblem, table?: string, message?: RegExp) {
  const e = refusal(bytes);
  expect(e.problem).toBe(problem);
  expect(e.table).toBe(table);
  if (message) expect(e.message).toMatch(message);
}

const editText = (entries: Entries, file: string, f: (s: string) => string) => {
  entries[file] = strToU8(f(strFromU8(entries[file]!)));
};

describe('readCaseFile refuses damaged or foreign files with a specific error', () => {
  it('a truncated or non-ZIP file', () => {
    const bytes = writeCaseFile(sampleCaseData());
    expectRefused(bytes.slice(0, bytes.length - 30), 'not-a-zip', undefined, /not a readable ZIP/);
    expectRefused(strToU8('hello'), 'not-a-zip');
    expectRefused(new Uint8Array(0), 'not-a-zip');
  });

  it('a ZIP that is not a case file', () => {
    expectRefused(zipSync({ 'a.txt': strToU8('x') }), 'not-a-case-file', undefined, /no manifest\.json/);
    expectRefused(
      tamper((_, m) => (m.format = 'other')),
      'not-a-case-file',
    );
  });

  it('an unknown format version or an encrypted file, with a clear message', () => {
    expectRefused(
      tamper((_, m) => (m.formatVersion = 2)),
      'unsupported-version',
      undefined,
      /version 2 is not supported/,
    );
    expectRefused(
      tamper((_, m) => (m.encryption = { kdf: 'argon2id' })),
      'encrypted',
      undefined,
      /encrypted/,
    );
  });

  it('a table whose bytes were changed: names the table and the expected hash', () => {
    const bytes = tamper((e) =>
      editText(e, 'transactions/000001.json', (s) => s.replace('500050', '900050')),
    );
    const e = refusal(bytes);
    expect(e.problem).toBe('checksum');
    expect(e.table).toBe('transactions/000001');
    expect(e.message).toMatch(
      /^case file table transactions\/000001: expected sha256 [0-9a-f]{64}, found [0-9a-f]{64}$/,
    );
  });

  it('a missing table, a gap in block numbers, an unlisted entry', () => {
    expectRefused(
      tamper((e) => delete e['audit.ndjson']),
      'missing-table',
      'audit',
    );
    expectRefused(
      tamper((_, m) => delete m.tables.sources),
      'missing-table',
      'sources',
    );
    expectRefused(
      tamper((e, m) => {
        m.tables['transactions/000003'] = {
          ...m.tables['transactions/000001']!,
          file: 'transactions/000003.json',
        };
        e['transactions/000003.json'] = e['transactions/000001.json']!;
      }),
      'missing-table',
      'transactions/000003',
    );
    expectRefused(
      tamper((e) => (e['evil.sh'] = strToU8('rm -rf'))),
      'unexpected-entry',
    );
  });

  it('content that hashes right but is malformed or inconsistent (edited together with the manifest)', () => {
    expectRefused(
      tamper((e) => editText(e, 'transactions/000001.json', (s) => s.replace('"rows":4', '"rows":5')), true),
      'bad-table',
      'transactions/000001',
      /column sheet/,
    );
    expectRefused(
      tamper((e) => editText(e, 'mentions/000001.json', (s) => s.replace('"phone"', '"fax"')), true),
      'bad-table',
      'mentions/000001',
      /kind "fax" is not one of/,
    );
    expectRefused(
      tamper(
        (e) =>
          editText(e, 'sources.ndjson', (s) =>
            s.replace('"transactions":3,"mentions"', '"transactions":2,"mentions"'),
          ),
        true,
      ),
      'bad-table',
      'sources',
      /should have 2 transactions, the blocks hold 3/,
    );
    expectRefused(
      tamper((e) => editText(e, 'sources.ndjson', (s) => s.slice(0, -1)), true),
      'bad-table',
      'sources',
    );
    expectRefused(
      tamper((_, m) => (m.tables.audit!.rows = 7)),
      'bad-table',
      'audit',
      /manifest says 7 rows, found 3/,
    );
  });

  it('an audit log edited together with its hash in the manifest', () => {
    const bytes = tamper((e) => editText(e, 'audit.ndjson', (s) => s.replace('"тест"', '"кто-то"')), true);
    expectRefused(bytes, 'audit-chain', 'audit', /entry #0/);
  });

  it('a manifest with the wrong shape', () => {
    expectRefused(
      tamper((_, m) => delete m.case.title),
      'bad-manifest',
      undefined,
      /case\.title/,
    );
    expectRefused(
      tamper((_, m) => (m.tables.audit!.file = '../audit.ndjson')),
      'bad-manifest',
      'audit',
    );
  });
});
