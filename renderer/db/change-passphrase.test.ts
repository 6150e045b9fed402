import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit/chain';
import { sourceA } from '../../shared/casefile/test-fixtures';
import { WrongPassphraseError } from '../../shared/crypto';
import { FAST, newCase } from '../../shared/crypto/test-keys';
import { prepareForStore } from '../../shared/store/prepare';
import { auditEntriesOf } from './audit';
import { changePassphrase, unlockCase } from './case-lock';
import { forgetCaseKeys, provideCaseKeys } from './case-keys';
import { caseRepository } from './cases';
import { openCaseStore } from './schema';
import { sourceRepository } from './sources';
import { rawSnapshot } from './test-support';

const OLD = 'снег выпал в мае на склоне';
const NEW = 'другая фраза для того же дела';
let clock = 1_764_000_000_000;
const now = () => (clock += 1000);

describe('changing a case passphrase', () => {
  it('opens with the new phrase only, keeps every record, and audits the change', async () => {
    const name = 'change-passphrase';
    const db = openCaseStore(name);
    const { keys, wrapped } = await newCase(OLD);
    const kase = await caseRepository(db, now).createCase(
      { title: 'Снежок', registryNumber: '', investigator: 'Ахметов' },
      { keys, wrappedKey: wrapped },
    );
    provideCaseKeys(db, kase.id, () => keys);
    await sourceRepository(db, now).saveImport(kase.id, 'Ахметов', prepareForStore(sourceA()));
    const sources = await sourceRepository(db).listSources(kase.id);

    // A wrong current phrase changes nothing at all.
    const before = await rawSnapshot(name);
    await expect(
      changePassphrase(db, kase.id, 'не та фраза совсем', NEW, 'Ахметов', FAST),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await rawSnapshot(name)).toBe(before);

    await changePassphrase(db, kase.id, OLD, NEW, 'Ахметов', { ...FAST, now });
    forgetCaseKeys(db, kase.id);
    await expect(unlockCase(db, kase.id, OLD, { upgradeKdf: false })).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    const reopened = await unlockCase(db, kase.id, NEW, { upgradeKdf: false });
    provideCaseKeys(db, kase.id, () => reopened);
    expect(await sourceRepository(db).listSources(kase.id)).toEqual(sources);
    const audit = await auditEntriesOf(db, kase.id);
    expect(audit.at(-1)).toMatchObject({ action: 'case.passphrase-changed', actor: 'Ахметов' });
    expect(verifyAuditChain(kase.id, audit).ok).toBe(true);
    db.close();
  });
});
