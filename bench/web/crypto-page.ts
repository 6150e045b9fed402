/**
 * Loaded into the built web host by case-crypto.ts (esbuild, browser IIFE): the store operations
 * the crypto benchmark times inside the page, on the app's own database, with the app's code.
 * Not part of the app bundle.
 */
import { exportCaseData } from '../../renderer/db/case-transfer';
import { unlockCase } from '../../renderer/db/case-lock';
import { provideCaseKeys } from '../../renderer/db/case-keys';
import { caseRepository } from '../../renderer/db/cases';
import { openCaseStore } from '../../renderer/db/schema';

const db = openCaseStore();

const bench = {
  /** A case stored the way every case was before v6: the floor the encrypted case is compared to. */
  async createPlainCase(title: string): Promise<string> {
    const created = await caseRepository(db).createCase({ title, registryNumber: '', investigator: 'bench' });
    return created.id;
  },

  /**
   * "Opening a case": unlock (encrypted only: PBKDF2 and the key check) and read the whole case
   * back as the trace and the case file read it — every block decrypted and decoded.
   */
  async openCase(caseId: string, passphrase: string | null) {
    const t0 = performance.now();
    if (passphrase) {
      const keys = await unlockCase(db, caseId, passphrase);
      provideCaseKeys(db, caseId, () => keys);
    }
    const t1 = performance.now();
    const data = await exportCaseData(db, caseId);
    const t2 = performance.now();
    const rows = data.sources.reduce((sum, source) => sum + source.transactions.length, 0);
    const mentions = data.sources.reduce((sum, source) => sum + source.mentions.length, 0);
    return { unlockSeconds: (t1 - t0) / 1000, readSeconds: (t2 - t1) / 1000, rows, mentions };
  },
};

(globalThis as unknown as { __cryptoBench: typeof bench }).__cryptoBench = bench;
