import { readCaseFile, writeCaseFile } from '../../../shared/casefile';
import { unwrap } from '../../../shared/ipc/result';
import { caseStore } from '../../db';
import { appendAudit } from '../../db/audit';
import { exportCaseData, importCaseData } from '../../db/case-transfer';
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

/** Opens case files picked by the investigator; each is verified whole before anything is written. */
export async function importCaseFiles(actor: string): Promise<{ caseId: string; file: string }[]> {
  const files = unwrap(await host.openFiles({ purpose: 'case-file', multiple: true }));
  const imported = [];
  for (const file of files) {
    const data = readCaseFile(file.bytes);
    imported.push({
      caseId: await importCaseData(caseStore, data, actor, file.name, Date.now()),
      file: file.name,
    });
  }
  return imported;
}
