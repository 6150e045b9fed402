import { readCaseFile, writeCaseFile } from '../../../shared/casefile';
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

/** Records the export in the case's audit chain first, so the file carries the entry that made it. */
export async function exportCaseFile(caseId: string, title: string, actor: string): Promise<string | null> {
  const name = caseFileName(title);
  await caseStore.transaction('rw', caseStore.auditEntries, () =>
    appendAudit(caseStore, {
      caseId,
      actor,
      action: 'case.exported',
      details: { file: name },
      at: Date.now(),
    }),
  );
  const bytes = writeCaseFile(await exportCaseData(caseStore, caseId), {
    app: { name: 'MoneyTrail', version: __APP_VERSION__ },
  });
  const saved = unwrap(await host.saveFile({ suggestedName: name, kind: 'case-file', bytes }));
  return saved.saved ? (saved.name ?? name) : null;
}

/** A case file the investigator picked, read and verified whole, not yet in the store. */
export interface PickedCase {
  file: string;
  data: CaseData;
}

/**
 * Opens case files picked by the investigator; each is verified whole, and refused if this
 * computer already has the case, before the passphrase is asked for and anything is written.
 */
export async function pickCaseFiles(): Promise<PickedCase[]> {
  const files = unwrap(await host.openFiles({ purpose: 'case-file', multiple: true }));
  const picked: PickedCase[] = [];
  for (const file of files) {
    const data = readCaseFile(file.bytes);
    const existing = await cases.getCase(data.case.id);
    if (existing) throw new CaseExistsError(existing.locked ? '' : existing.title, existing.locked);
    picked.push({ file: file.name, data });
  }
  return picked;
}

/**
 * Stores picked cases encrypted under the passphrase the investigator chose for them here: each
 * case gets its own data key (the file's cases are unrelated), all under the same passphrase.
 */
export async function importPickedCases(
  picked: readonly PickedCase[],
  actor: string,
  passphrase: string,
  remember: boolean,
): Promise<{ caseId: string; file: string; keychainProblem: string | null }[]> {
  const imported = [];
  for (const { file, data } of picked) {
    const lock = await newCaseLock(passphrase);
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
