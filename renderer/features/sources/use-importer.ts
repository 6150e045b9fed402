import { useCallback, useEffect, useRef, useState } from 'react';
import type { PickedFile } from '../../../shared/ipc/contract';
import type { MappingOverrides, StatementPreview } from '../../../shared/import/pipeline/types';
import { host } from '../../host';
import { sources } from '../../db';
import { AlreadyImportedError } from '../../db/sources';
import { ImportCancelledError, runImportWorker } from './worker-client';
import type { ImportPhase } from './worker-protocol';
import { caseLocks } from '../lock/case-locks';
import i18next from 'i18next';
import { isQuotaError } from '../../app/storage';

export type OutcomeStatus = 'imported' | 'duplicate' | 'failed' | 'cancelled' | 'skipped';

export interface FileOutcome {
  file: string;
  status: OutcomeStatus;
  transactions?: number;
  rejected?: number;
  message?: string;
}

export type ImporterState =
  | { step: 'idle' }
  | { step: 'reading'; file: string; index: number; count: number }
  | {
      step: 'confirm';
      file: PickedFile;
      index: number;
      count: number;
      preview: StatementPreview;
      overrides: MappingOverrides;
      fromProfile: boolean;
    }
  | {
      step: 'importing';
      file: string;
      index: number;
      count: number;
      done: number;
      total: number;
      phase: ImportPhase;
      /** A CSV's records read so far, while its progress counts bytes. */
      records?: number;
    }
  | { step: 'done'; outcomes: FileOutcome[] };

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Overrides from saved profiles for every table whose header signature was seen before. */
async function profileOverrides(preview: StatementPreview): Promise<MappingOverrides> {
  const overrides: MappingOverrides = {};
  for (const sheet of preview.sheets) {
    for (const table of sheet.tables) {
      const profile = await sources.findProfile(table.mapping.signature);
      if (profile)
        overrides[sheet.name] = {
          ...overrides[sheet.name],
          ...profile.overrides,
        } as MappingOverrides[string];
    }
  }
  return overrides;
}

/**
 * The import flow for the Sources tab: pick files, preview each with its detected column roles,
 * let the investigator correct them, import in a throw-away worker with progress and cancel, and
 * store the result in one transaction. Nothing touches the case until a file is fully read.
 */
export function useImporter(caseId: string, actor: string) {
  const [state, setState] = useState<ImporterState>({ step: 'idle' });
  const queue = useRef<PickedFile[]>([]);
  const outcomes = useRef<FileOutcome[]>([]);
  const abort = useRef<AbortController | null>(null);
  const total = useRef(0);

  const record = (outcome: FileOutcome) => outcomes.current.push(outcome);

  // Locking the case stops a running import: its worker is terminated and nothing is stored.
  useEffect(() => caseLocks.onLocked(caseId, () => abort.current?.abort()), [caseId]);

  /** Moves to the next file that needs the investigator: duplicates and unreadable files are recorded on the way. */
  const next = useCallback(async () => {
    for (;;) {
      const file = queue.current.shift();
      if (!file) {
        setState({ step: 'done', outcomes: [...outcomes.current] });
        return;
      }
      const index = total.current - queue.current.length;
      const count = total.current;
      setState({ step: 'reading', file: file.name, index, count });
      const existing = await sources.getSource(caseId, await sha256Hex(file.bytes));
      if (existing) {
        record({ file: file.name, status: 'duplicate' });
        continue;
      }
      abort.current = new AbortController();
      try {
        const signal = abort.current.signal;
        let { preview } = await runImportWorker(
          { type: 'preview', bytes: file.bytes, fileName: file.name },
          'preview',
          {
            signal,
          },
        );
        const overrides = await profileOverrides(preview);
        const fromProfile = Object.keys(overrides).length > 0;
        if (fromProfile) {
          ({ preview } = await runImportWorker(
            { type: 'preview', bytes: file.bytes, fileName: file.name, mappingOverrides: overrides },
            'preview',
            { signal },
          ));
        }
        setState({ step: 'confirm', file, index, count, preview, overrides, fromProfile });
        return;
      } catch (error) {
        record(failureOutcome(file.name, error));
      }
    }
  }, [caseId]);

  const start = useCallback(async () => {
    const picked = await host.openFiles({ purpose: 'statement', multiple: true });
    if (!picked.ok) {
      setState({ step: 'done', outcomes: [{ file: '—', status: 'failed', message: picked.error.message }] });
      return;
    }
    if (picked.value.length === 0) return;
    queue.current = [...picked.value];
    outcomes.current = [];
    total.current = picked.value.length;
    await next();
  }, [next]);

  const changeRole = useCallback(
    async (sheet: string, column: string, role: string | null) => {
      if (state.step !== 'confirm') return;
      const overrides: MappingOverrides = {
        ...state.overrides,
        [sheet]: { ...state.overrides[sheet], [column]: role } as MappingOverrides[string],
      };
      const { preview } = await runImportWorker(
        { type: 'preview', bytes: state.file.bytes, fileName: state.file.name, mappingOverrides: overrides },
        'preview',
      );
      setState({ ...state, preview, overrides });
    },
    [state],
  );

  const confirm = useCallback(async () => {
    if (state.step !== 'confirm') return;
    const { file, index, count, preview, overrides } = state;
    for (const sheet of preview.sheets) {
      for (const table of sheet.tables) {
        const roles = Object.fromEntries(table.mapping.columns.map((column) => [column.column, column.role]));
        await sources.saveProfile({
          signature: table.mapping.signature,
          overrides: { ...roles, ...overrides[sheet.name] },
        });
      }
    }
    abort.current = new AbortController();
    setState({ step: 'importing', file: file.name, index, count, done: 0, total: 0, phase: 'reading' });
    try {
      const signal = abort.current.signal;
      // Busy: the idle time does not lock the case halfway through an import.
      const saved = await caseLocks.whileBusy(caseId, () =>
        runImportWorker(
          {
            type: 'import',
            bytes: file.bytes,
            fileName: file.name,
            importedAt: Date.now(),
            mappingOverrides: overrides,
            caseId,
            actor,
            keys: caseLocks.keysForWorker(caseId),
          },
          'imported',
          {
            signal,
            onProgress: (done, total, phase, records) =>
              setState({
                step: 'importing',
                file: file.name,
                index,
                count,
                done,
                total,
                phase,
                ...(records !== undefined ? { records } : {}),
              }),
          },
        ),
      );
      record({
        file: file.name,
        status: 'imported',
        transactions: saved.transactions,
        rejected: saved.rejected,
      });
    } catch (error) {
      record(failureOutcome(file.name, error));
    }
    await next();
  }, [state, caseId, next, actor]);

  const skip = useCallback(async () => {
    if (state.step !== 'confirm') return;
    record({ file: state.file.name, status: 'skipped' });
    await next();
  }, [state, next]);

  /** Stops the current file (its worker is terminated, nothing is stored) and the rest of the queue. */
  const cancel = useCallback(() => {
    abort.current?.abort();
    for (const file of queue.current) record({ file: file.name, status: 'skipped' });
    queue.current = [];
    if (state.step === 'confirm') {
      record({ file: state.file.name, status: 'cancelled' });
      setState({ step: 'done', outcomes: [...outcomes.current] });
    }
    // While reading or importing, the aborted worker call records the cancellation and moves on.
  }, [state]);

  const close = useCallback(() => setState({ step: 'idle' }), []);

  return { state, start, changeRole, confirm, skip, cancel, close };
}

export type Importer = ReturnType<typeof useImporter>;

function failureOutcome(file: string, error: unknown): FileOutcome {
  if (isQuotaError(error)) return { file, status: 'failed', message: i18next.t('storage.fullOnImport') };
  if (error instanceof AlreadyImportedError) return { file, status: 'duplicate' };
  if (error instanceof ImportCancelledError) return { file, status: 'cancelled' };
  return { file, status: 'failed', message: error instanceof Error ? error.message : String(error) };
}
