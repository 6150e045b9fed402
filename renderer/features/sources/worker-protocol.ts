import type { StatementPreview } from '../../../shared/import/pipeline/types';
import type { PreparedImport } from '../../../shared/store/prepare';

/**
 * Messages between the Sources tab and the import worker. A worker is started per file and
 * thrown away afterwards, so a hostile file cannot leave state behind, and a hang is ended by
 * terminating it; the case store is only written after the worker hands back a finished result.
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
    };

export type WorkerResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'preview'; preview: StatementPreview }
  | { type: 'imported'; prepared: PreparedImport }
  | { type: 'failed'; message: string };
