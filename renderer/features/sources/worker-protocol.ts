import type { PortableCaseKeys } from '../../../shared/crypto';
import type { StatementPreview } from '../../../shared/import/pipeline/types';

/**
 * Messages between the Sources tab and the import worker. A worker is started per file and
 * thrown away afterwards, so a hostile file cannot leave state behind, and a hang is ended by
 * terminating it. The worker writes the finished import to the case store itself, in one
 * transaction: the page never holds a million rows, and a worker killed mid-way (cancel, crash,
 * closed window) aborts that transaction, leaving the case as it was.
 */
export type WorkerRequest =
  | {
      type: 'preview';
      bytes: Uint8Array;
      fileName: string;
      mappingOverrides?: Record<string, Record<string, string | null>>;
    }
  | {
      type: 'import';
      bytes: Uint8Array;
      fileName: string;
      importedAt: number;
      mappingOverrides?: Record<string, Record<string, string | null>>;
      /** The worker stores the result itself, in one transaction, for this case and investigator. */
      caseId: string;
      actor: string;
      /** The case's keys (CryptoKeys survive postMessage); null for a case stored unencrypted. */
      keys: PortableCaseKeys | null;
    };

export type WorkerResponse =
  /** `records`: a CSV's records read so far (its progress is in bytes). */
  | { type: 'progress'; phase: ImportPhase; done: number; total: number; records?: number }
  | { type: 'preview'; preview: StatementPreview }
  | { type: 'imported'; transactions: number; rejected: number }
  | { type: 'duplicate'; existing: string }
  | { type: 'failed'; message: string; quota?: boolean };

export type ImportPhase =
  'decoding' | 'parsing' | 'reading' | 'extracting' | 'placing' | 'preparing' | 'encrypting' | 'saving';
