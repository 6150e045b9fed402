import {
  CaseFileError,
  isSealedCaseFile,
  openCaseFile,
  readCaseFile,
  sealCaseFile,
  writeCaseFile,
} from '../../../shared/casefile';
import { unwrap } from '../../../shared/ipc/result';
import type { CaseData } from '../../../shared/casefile/types';
import { cases, caseStore } from '../../db';
import { appendAudit } from '../../db/audit';
import { CaseExistsError, exportCaseData, importCaseData } from '../../db/case-transfer';
import { holdUnlocked, newCaseLock } from '../lock/unlock-actions';
import { host } from '../../host';

/** A file name from the case title that every OS accepts. */
export function caseFileName(title: string): string {
  const printable = [...title].filter((char) => char.charCodeAt(0) >= 0x20).join('');
  const safe = printable
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${safe || 'case'}.mtcase`;
}

/**
 * Records the export in the case's audit chain first, so the file carries the entry that made it;
 * the file is sealed under the passphrase chosen for it (not the case's own: that one stays here).
 */
export async function exportCaseFile(
  caseId: string,
  title: string,
  actor: string,
  passphrase: string,
): Promise<string | null> {
  const name = caseFileName(title);
  await caseStore.transaction('rw', caseStore.auditEntries, () =>
    appendAudit(caseStore, {
      caseId,
      actor,
      action: 'case.exported',
      details: { file: name, sealed: true },
      at: Date.now(),
    }),
  );
  const zip = writeCaseFile(await exportCaseData(caseStore, caseId), {
    app: { name: 'MoneyTrail', version: __APP_VERSION__ },
  });
  const bytes = await sealCaseFile(zip, passphrase);
  const saved = unwrap(await host.saveFile({ suggestedName: name, kind: 'case-file', bytes }));
  return saved.saved ? (saved.name ?? name) : null;
}

/** A case file the investigator picked: read and verified whole unless sealed, not yet stored. */
export interface PickedCase {
  file: string;
  bytes: Uint8Array;
  /** Null while the file is sealed: its content is known only once its passphrase opens it. */
  data: CaseData | null;
}

/** The passphrase given for a sealed file does not open it: the dialog stays open to retry. */
export class CaseFilePassphraseError extends Error {
  constructor(readonly file: string) {
    super(`The passphrase does not open the case file ${file}`);
    this.name = 'CaseFilePassphraseError';
  }
}

/**
 * Opens case files picked by the investigator. An unsealed file is verified whole, and refused if
 * this computer already has the case, before any passphrase is asked for; a sealed one waits.
 */
export async function pickCaseFiles(): Promise<PickedCase[]> {
  const files = unwrap(await host.openFiles({ purpose: 'case-file', multiple: true }));
  const picked: PickedCase[] = [];
  for (const file of files) {
    const data = isSealedCaseFile(file.bytes) ? null : readCaseFile(file.bytes);
    if (data) await refuseExisting(data);
    picked.push({ file: file.name, bytes: file.bytes, data });
  }
  return picked;
}

async function refuseExisting(data: CaseData): Promise<void> {
  const existing = await cases.getCase(data.case.id);
  if (existing) throw new CaseExistsError(existing.locked ? '' : existing.title, existing.locked);
}

/**
 * Every picked case, sealed ones opened with the passphrase they were sent with — all of them
 * before anything is stored, so a wrong passphrase for the third file stores nothing.
 */
async function openPicked(
  picked: readonly PickedCase[],
  filePassphrase: string,
): Promise<{ file: string; data: CaseData }[]> {
  const opened = [];
  for (const { file, bytes, data } of picked) {
    if (data) {
      opened.push({ file, data });
      continue;
    }
    let read: CaseData;
    try {
      read = (await openCaseFile(bytes, filePassphrase)).data;
    } catch (error) {
      if (error instanceof CaseFileError && error.problem === 'wrong-passphrase')
        throw new CaseFilePassphraseError(file);
      throw error;
    }
    await refuseExisting(read);
    opened.push({ file, data: read });
  }
  return opened;
}

/**
 * Stores picked cases encrypted under the passphrase the investigator chose for them here: each
 * case gets its own data key (the file's cases are unrelated), all under the same passphrase.
 */
export async function importPickedCases(
  picked: readonly PickedCase[],
  actor: string,
  lockPassphrase: string,
  remember: boolean,
  filePassphrase: string,
): Promise<{ caseId: string; file: string; keychainProblem: string | null }[]> {
  const imported = [];
  for (const { file, data } of await openPicked(picked, filePassphrase)) {
    const lock = await newCaseLock(lockPassphrase);
    try {
      const caseId = await importCaseData(caseStore, data, actor, file, Date.now(), lock);
      imported.push({ caseId, file, keychainProblem: await holdUnlocked(caseId, lock.keys, remember) });
    } catch (error) {
      lock.keys.dispose();
      throw error;
    }
  }
  return imported;
}
