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
  /** XLSX: sum of the uncompressed sizes the zip declares, checked before inflating. */
  maxUncompressedBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = {
  maxFileBytes: 512 * 1024 * 1024,
  maxRowsPerSheet: 1_048_576,
  maxCells: 50_000_000,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
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

/** "… exceeds the limit of 512.0 MiB (raise `limits.maxFileBytes` to import it)". */
export function limitReason(what: string, actual: string, limit: string, option: keyof ImportLimits): string {
  return `${what} is ${actual}, over the limit of ${limit}; raise \`limits.${option}\` to import it`;
}
