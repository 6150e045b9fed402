import { ImportError } from './errors';

/**
 * Size limits that keep a hostile or broken file from exhausting memory. Each refusal names the
 * limit and the option that raises it, because a genuine 3 GB bank export does exist.
 */
export interface ImportLimits {
  /** Largest file accepted, bytes. */
  maxFileBytes: number;
  /** Rows per sheet (Excel's own maximum by default). */
  maxRowsPerSheet: number;
  /** Non-empty cells over all sheets. */
  maxCells: number;
  /**
   * Fields in one CSV line (Excel's own maximum by default; XLSX/XLS cannot exceed it). A text
   * whose line breaks are not line breaks reads as one line of millions of fields, and looking
   * for a header in it took hours (found by the fuzzing harness).
   */
  maxColumns: number;
  /** XLSX: sum of the uncompressed sizes, declared (checked first) and actual (counted). */
  maxUncompressedBytes: number;
  /** CAMT.053: element nesting (a statement needs about 12). */
  maxXmlDepth: number;
  /**
   * Wall-clock seconds one file may take. Shared code does not read the clock and cannot stop a
   * synchronous parse half-way, so the host enforces it by terminating the import worker and
   * reports `parseTimeRefusal`.
   */
  maxParseSeconds: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = {
  maxFileBytes: 512 * 1024 * 1024,
  maxRowsPerSheet: 1_048_576,
  maxCells: 50_000_000,
  maxColumns: 16_384,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  maxXmlDepth: 64,
  maxParseSeconds: 600,
};

export function resolveLimits(partial: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** What the host reports after stopping an import that ran past `maxParseSeconds`. */
export function parseTimeRefusal(fileName: string, seconds: number, limits: ImportLimits): ImportError {
  return new ImportError({
    file: fileName,
    reason: limitReason(
      'the time spent reading it',
      `over ${seconds.toLocaleString('en-US')} s`,
      `${limits.maxParseSeconds.toLocaleString('en-US')} s`,
      'maxParseSeconds',
    ),
  });
}

/** "… exceeds the limit of 512.0 MiB (raise `limits.maxFileBytes` to import it)". */
export function limitReason(what: string, actual: string, limit: string, option: keyof ImportLimits): string {
  return `${what} is ${actual}, over the limit of ${limit}; raise \`limits.${option}\` to import it`;
}
