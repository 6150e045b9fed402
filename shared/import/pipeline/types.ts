/** Options and the preview shape of the statement import. */
import type { ImportLimits } from '../read/limits';
import type { ColumnRole, RowKind } from '../table';
import type { SourceFormat, TableMapping } from '../../model/statement';
import type { ExtractionService } from './remote-extraction';

/** Column letter → role (null: ignore the column), per sheet name, as the investigator corrected it. */
export type MappingOverrides = Record<string, Record<string, ColumnRole | null>>;

export interface ImportOptions {
  /** UTC epoch ms stamped on the source (passed in: shared code does not read the clock). */
  importedAt: number;
  /** Zone of local times in the file; default Asia/Almaty. */
  zone?: string;
  mappingOverrides?: MappingOverrides;
  /** The statement's own account or wallet when the investigator knows it (a chain export). */
  ownAccount?: string;
  /**
   * Rows processed so far and the file's row total; called a few dozen times per file. Not for
   * a CSV: it is split and read at once, and says how far through its text it is instead.
   */
  onProgress?: (done: number, total: number) => void;
  /** A CSV: bytes of it decoded, split into records and read so far, and in all; records so far. */
  onReadProgress?: (done: number, total: number, records: number) => void;
  /**
   * Payment purposes extracted elsewhere (`extraction`): rows whose findings are in place so far,
   * and of how many, while they are put back where each text was met (a second or so at 1M rows).
   */
  onPlaceProgress?: (done: number, total: number) => void;
  /**
   * A text file without a byte-order mark: bytes checked for UTF-8 so far; then MT940/CAMT
   * (decoded whole before they are read): bytes of a large file decoded so far.
   */
  onDecodeProgress?: (done: number, total: number) => void;
  limits?: Partial<ImportLimits>;
  /**
   * Hex SHA-256 of `bytes` when the caller already has it (a worker can run `crypto.subtle.digest`
   * alongside the import: see importStatementAsync); hashing a large file is a good part of the
   * import's time. Anything but 64 hex digits is ignored and the file is hashed here, at the end.
   */
  sha256?: string;
  /**
   * Extracts identifiers from payment purposes elsewhere (the CLI: a second thread); the result
   * is the same as extracting here. Used for one import only: it holds that import's texts.
   * (An asynchronous one goes to importStatementAsync.)
   */
  extraction?: ExtractionService;
  /**
   * Characters of a CSV split at a time, and bytes of it decoded at a time (defaults 256K and 4M):
   * tests cut statements at every awkward place.
   */
  csvSliceChars?: number;
  csvPieceBytes?: number;
}

export interface PreviewOptions {
  zone?: string;
  mappingOverrides?: MappingOverrides;
  ownAccount?: string;
  limits?: Partial<ImportLimits>;
  /** Rows shown per sheet; default 40. */
  rows?: number;
}

export interface PreviewTable {
  mapping: TableMapping;
  /** 1-based row of the first data row. */
  dataStart: number;
  /** What decides in/out, most reliable first. */
  directionSources: string[];
  /** Preamble facts above the table, for display. */
  facts: { row: number; label: string; value: string }[];
}

export interface SheetPreview {
  name: string;
  hidden: boolean;
  /** Row numbers as the investigator sees them in Excel or a text editor, one per shown row. */
  rowNumbers: number[];
  rows: string[][];
  /** Kind of each shown row (MT940/CAMT: every shown row is an entry). */
  rowKinds: RowKind[];
  tables: PreviewTable[];
}

export interface StatementPreview {
  file: { name: string; size: number; format: SourceFormat; encoding?: string };
  sheets: SheetPreview[];
  /** CSV: the delimiter used. */
  delimiter?: string;
}
