/**
 * Bytes of one statement file → one `StatementImport`. Throws `ImportError` only when nothing can
 * be read; a bad row, identifier or sum is reported in the result with its sheet and row.
 */
import { DEFAULT_ZONE } from '../table';
import type { ByteSource } from '../read/byte-source';
import { byteSourceOf } from '../read/byte-source';
import { ImportError } from '../read/errors';
import { resolveLimits } from '../read/limits';
import { IMPORTER_VERSION } from '../../model/statement';
import type { SourceFile, StatementImport } from '../../model/statement';
import { ImportAccumulator } from './accumulator';
import { importDocs } from './bank-docs';
import { periodChecks } from './checks';
import { readInput } from './input';
import { sha256Hex } from './sha256';
import { importCsvText } from './csv-import';
import { importSheet } from './sheet-import';
import type { AsyncExtractionService, ExtractionSink, PackedFindings } from './remote-extraction';
import type { ImportOptions } from './types';

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export function importStatement(
  bytes: Uint8Array | ByteSource,
  fileName: string,
  options: ImportOptions,
): StatementImport {
  const read = readStatement(bytes, fileName, options, options.extraction);
  return read.complete(options.extraction ? options.extraction.collect() : []);
}

/**
 * importStatement with payment purposes extracted by a service that answers asynchronously (the
 * app's import worker hands them to a worker of its own): rows are read while it extracts, and
 * the findings are put in place once they are all in.
 */
export async function importStatementAsync(
  bytes: Uint8Array | ByteSource,
  fileName: string,
  options: Omit<ImportOptions, 'extraction' | 'sha256'> & {
    /** As ImportOptions' `sha256`, or still being computed (a worker's WebCrypto digest), awaited last. */
    sha256?: string | Promise<string>;
  },
  extraction: AsyncExtractionService,
): Promise<StatementImport> {
  const { sha256, ...rest } = options;
  const read = readStatement(bytes, fileName, rest, extraction);
  const findings = await extraction.collect();
  return read.complete(findings, await sha256);
}

/** Everything but the deferred extraction's findings; `complete` takes those and gives the result. */
function readStatement(
  file: Uint8Array | ByteSource,
  fileName: string,
  options: ImportOptions,
  extraction: ExtractionSink | undefined,
): { complete: (findings: readonly PackedFindings[], sha256?: string) => StatementImport } {
  // A file read as it is needed: a CSV's bytes are never all held at once (see byte-source.ts).
  const bytes = byteSourceOf(file);
  const limits = resolveLimits(options.limits);
  const zone = options.zone ?? DEFAULT_ZONE;
  const input = readInput(bytes, fileName, {
    limits,
    splitLater: true,
    ...(options.onDecodeProgress ? { onDecodeProgress: options.onDecodeProgress } : {}),
  });
  // A CSV is split and read in one go: its progress is the share of its text done so far.
  const onRows = input.kind === 'text' ? undefined : options.onProgress;
  const acc = new ImportAccumulator(fileName, onRows, extraction);
  // The file's hash is put in when the rows are read (it may still be computed elsewhere).
  const source: SourceFile = {
    sha256: '',
    name: fileName,
    size: bytes.size,
    format: input.format,
    importedAt: options.importedAt,
    importerVersion: IMPORTER_VERSION,
  };

  if (input.kind === 'docs') {
    source.encoding = input.encoding;
    if (input.parsed.statements.length === 0) {
      const first = input.parsed.problems.find((p) => p.severity === 'error') ?? input.parsed.problems[0];
      throw new ImportError({
        file: fileName,
        ...(first ? { row: first.line } : {}),
        reason: first
          ? `no ${input.format === 'mt940' ? 'MT940' : 'CAMT.053'} statement could be read: ${first.message}`
          : `the file holds no ${input.format === 'mt940' ? 'MT940' : 'CAMT.053'} statement`,
      });
    }
    const total = input.parsed.statements.reduce((n, s) => n + s.entries.length, 0);
    acc.setTotal(total);
    importDocs(input.parsed, input.text, acc, zone);
    acc.advance(total);
  } else if (input.kind === 'text') {
    source.encoding = input.encoding;
    const text = input.text;
    importCsvText((onBytes) => text.pieces(onBytes, options.csvPieceBytes), fileName, acc, {
      zone,
      date1904: false,
      overrides: options.mappingOverrides?.[fileName],
      ownAccount: options.ownAccount,
      limits,
      ...(options.onReadProgress ? { onReadProgress: options.onReadProgress } : {}),
      ...(options.csvSliceChars !== undefined ? { sliceChars: options.csvSliceChars } : {}),
    });
    if (acc.tablesFound === 0) throw noTable(fileName, 'the text');
  } else {
    if (input.encoding) source.encoding = input.encoding;
    for (const p of input.problems) acc.warnings.push(p);
    acc.setTotal(input.sheets.reduce((n, s) => n + s.rows.length, 0));
    for (const sheet of input.sheets) {
      importSheet(sheet, acc, {
        zone,
        date1904: input.date1904,
        overrides: options.mappingOverrides?.[sheet.name],
        ownAccount: options.ownAccount,
      });
    }
    if (acc.tablesFound === 0) {
      const names = input.sheets.map((s) => `"${s.name}"`).join(', ');
      const only = input.sheets.length === 1 && input.format !== 'csv' ? input.sheets[0]?.name : undefined;
      throw noTable(fileName, input.format === 'csv' ? 'the text' : `sheets ${names}`, only);
    }
  }
  for (const check of periodChecks(acc.periods)) acc.checks.push(check);
  acc.mentions.submitRest();

  return {
    complete: (findings, sha256 = options.sha256) => {
      source.sha256 =
        sha256 !== undefined && SHA256_HEX.test(sha256) ? sha256.toLowerCase() : sha256Hex(bytes.all());
      acc.mentions.finish(findings, options.onPlaceProgress);
      acc.finish();
      return {
        source,
        accounts: acc.accounts,
        transactions: acc.transactions,
        rejected: acc.rejected,
        mentions: acc.mentions.mentions,
        invalid: acc.mentions.invalid,
        checks: acc.checks,
        mappings: acc.mappings,
        rows: acc.rows,
        warnings: acc.warnings,
      };
    },
  };
}

function noTable(fileName: string, where: string, sheet?: string): ImportError {
  return new ImportError({
    file: fileName,
    ...(sheet !== undefined ? { sheet } : {}),
    reason: `no statement table found in ${where}: no row reads as a header with a date and an amount caption`,
  });
}
