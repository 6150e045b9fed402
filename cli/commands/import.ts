/**
 * `moneytrail import CASE FILE...`. All or nothing: every FILE is read first; only when all of them
 * were readable is CASE written (atomically), so a failed run changes nothing and re-running
 * after fixing the bad file gives the same case as a clean run would.
 */
import { basename, extname } from 'node:path';
import { chainAuditEntry, type AuditEntry } from '../../shared/audit/chain';
import type { CaseData } from '../../shared/casefile';
import { ImportError } from '../../shared/import';
import type { StatementImport } from '../../shared/model/statement';
import { parse, stringOption, UsageError } from '../args';
import { caseExists, loadCase, saveCaseAtomically } from '../case-store';
import type { FileSource } from '../file-source';
import { fileSource } from '../file-source';
import { casePassphrase, passphraseOption } from '../passphrase';
import type { CliIo } from '../io';
import { IMPORT_USAGE } from '../usage';
import { describeImport, describeSkip } from './import-report';

/** Bytes hashed at a time. */
const HASH_CHUNK_BYTES = 4 * 1024 * 1024;

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    title: { type: 'string' },
    actor: { type: 'string' },
    zone: { type: 'string' },
    ...passphraseOption,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const [casePath, ...files] = positionals;
  if (!casePath || files.length === 0) throw new UsageError('import needs a CASE and at least one FILE');
  const actor = stringOption(values.actor) ?? io.actor();
  const zone = stringOption(values.zone);
  const title = stringOption(values.title);
  const passphrase = casePassphrase(values, io);

  const existing = caseExists(casePath);
  let data: CaseData;
  // A sealed case stays sealed; a new one is sealed when a passphrase was given.
  let sealed = !existing && passphrase !== undefined;
  try {
    if (existing) ({ data, sealed } = await loadCase(casePath, passphrase));
    else data = newCase(casePath, title, actor, io);
  } catch (e) {
    io.err(`moneytrail: cannot open case ${casePath}: ${(e as Error).message}\n`);
    return 1;
  }
  if (existing && title !== undefined) io.err(`moneytrail: --title ignored, ${casePath} already exists\n`);
  if (existing && !sealed && passphrase !== undefined)
    io.err(`moneytrail: ${casePath} is not sealed; it stays so and the passphrase was not used\n`);

  const known = new Set(data.sources.map((s) => s.source.sha256));
  const added: StatementImport[] = [];
  const report: string[] = [];
  const failures: string[] = [];

  for (const file of files) {
    const outcome = importFile(file, known, io, zone);
    if ('failure' in outcome) failures.push(outcome.failure);
    else if ('skipped' in outcome) report.push(outcome.skipped);
    else {
      known.add(outcome.imported.source.sha256);
      added.push(outcome.imported);
      report.push(describeImport(file, outcome.imported));
    }
  }

  if (failures.length > 0) {
    for (const f of failures) io.err(`moneytrail: ${f}\n`);
    io.err(
      `moneytrail: ${failures.length} of ${files.length} file(s) could not be read; ${casePath} was not ${existing ? 'changed' : 'created'}\n`,
    );
    return 1;
  }

  for (const line of report) io.out(`${line}\n`);
  if (added.length === 0 && existing) {
    io.out(`${casePath}: nothing new, case unchanged\n`);
    return 0;
  }
  const audit = [...data.audit];
  for (const s of added) audit.push(importedEntry(audit.at(-1), data.case.id, s, actor, io.now()));
  const now = io.now();
  const next: CaseData = {
    case: { ...data.case, updatedAt: now },
    sources: [...data.sources, ...added],
    audit,
  };
  try {
    await saveCaseAtomically(casePath, next, now, sealed ? passphrase : undefined);
  } catch (e) {
    // The write is atomic (see case-store.ts), so a failed one leaves the case as it was: say so.
    const unchanged = existing ? 'the case file was not changed' : 'no case file was created';
    io.err(`moneytrail: cannot write ${casePath}: ${(e as Error).message}; ${unchanged}\n`);
    return 1;
  }
  const transactions = next.sources.reduce((n, s) => n + s.transactions.length, 0);
  io.out(
    `${existing ? 'Updated' : 'Created'} ${sealed ? 'sealed case ' : ''}${casePath} ("${next.case.title}"): ${next.sources.length} file(s), ${transactions} transaction(s)\n`,
  );
  return 0;
}

function newCase(path: string, title: string | undefined, actor: string, io: CliIo): CaseData {
  const now = io.now();
  const name = basename(path, extname(path));
  const kase = {
    id: io.newId(),
    title: (title ?? name).trim().replace(/\s+/g, ' ') || name,
    registryNumber: '',
    investigator: '',
    createdAt: now,
    updatedAt: now,
  };
  const created = chainAuditEntry(undefined, {
    caseId: kase.id,
    at: now,
    actor,
    action: 'case.created',
    details: { title: kase.title, via: 'cli' },
  });
  return { case: kase, sources: [], audit: [created] };
}

function importedEntry(
  previous: AuditEntry | undefined,
  caseId: string,
  s: StatementImport,
  actor: string,
  at: number,
): AuditEntry {
  const { sha256, name, size, format, importerVersion } = s.source;
  return chainAuditEntry(previous, {
    caseId,
    at,
    actor,
    action: 'source.imported',
    details: {
      sha256,
      name,
      size,
      format,
      importerVersion,
      transactions: s.transactions.length,
      rejected: s.rejected.length,
      via: 'cli',
    },
  });
}

/**
 * One file read and imported. The file is read as the import asks (a CSV a few megabytes at a
 * time, see file-source.ts); in its own function so nothing of it outlives the import (the
 * command's frame kept a whole file's bytes alive through the case write).
 */
function importFile(
  file: string,
  known: ReadonlySet<string>,
  io: CliIo,
  zone: string | undefined,
): { imported: StatementImport } | { skipped: string } | { failure: string } {
  let source: FileSource;
  try {
    source = fileSource(file);
  } catch (e) {
    return { failure: cannotRead(file, e) };
  }
  try {
    const sha = io.sha256(source.chunks(HASH_CHUNK_BYTES));
    if (known.has(sha)) return { skipped: describeSkip(file, sha) };
    const imported = io.importStatement(source, basename(file), {
      importedAt: io.now(),
      sha256: sha,
      ...(zone ? { zone } : {}),
    });
    return { imported };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { failure: typeof code === 'string' ? cannotRead(file, e) : describeFailure(file, e) };
  } finally {
    source.close();
  }
}

function cannotRead(file: string, e: unknown): string {
  return `${file}: cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
}

/** ImportError carries where the file stopped making sense; anything else is reported as is. */
function describeFailure(file: string, e: unknown): string {
  if (e instanceof ImportError) {
    const where = [
      e.sheet !== undefined ? `sheet "${e.sheet}"` : undefined,
      e.row !== undefined ? `row ${e.row}` : undefined,
      e.column !== undefined ? `column ${e.column}` : undefined,
    ].filter(Boolean);
    return `${file}: ${where.length ? `${where.join(', ')}: ` : ''}${e.reason}`;
  }
  return `${file}: ${e instanceof Error ? e.message : String(e)}`;
}
