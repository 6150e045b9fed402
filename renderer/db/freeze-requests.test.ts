import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit/chain';
import { FAST, newCase } from '../../shared/crypto/test-keys';
import { FreezeWorkflowError } from '../../shared/freeze';
import { requestFixture } from '../../shared/freeze/test-support';
import { auditEntriesOf } from './audit';
import { encryptCase } from './case-lock';
import { provideCaseKeys } from './case-keys';
import { caseSettingRepository } from './case-settings';
import { caseRepository } from './cases';
import { freezeRequestRepository } from './freeze-requests';
import { openCaseStore } from './schema';
import { plaintextFound, rawSnapshot } from './test-support';

let counter = 0;
let clock = 1_764_000_000_000;
const now = () => (clock += 1000);

async function fresh(encrypted: boolean) {
  const name = `freeze-requests-${++counter}`;
  const db = openCaseStore(name);
  const lock = encrypted ? await newCase('пять слов фразы для дела') : null;
  const created = await caseRepository(db, now).createCase(
    { title: 'Дело', registryNumber: '', investigator: 'Ахметов' },
    lock ? { keys: lock.keys, wrappedKey: lock.wrapped } : undefined,
  );
  if (lock) provideCaseKeys(db, created.id, () => lock.keys);
  return { name, db, caseId: created.id, register: freezeRequestRepository(db, now) };
}

const card = requestFixture({ id: 'card', holder: 'Иванов Иван' });
const wallet = requestFixture({
  id: 'wallet',
  key: 'tron:TXyzExampleWallet',
  kind: 'wallet',
  identifier: 'TXyzExampleWallet',
  institution: 'Tether',
  institutionKind: 'issuer',
  currency: 'USDT',
  amountMinor: 5_900_000_000,
  tracedMinor: 5_900_000_000,
});

describe('freeze register in the case store', () => {
  for (const encrypted of [false, true]) {
    it(`proposes, approves and records replies with an audit entry each${encrypted ? ' (encrypted case)' : ''}`, async () => {
      const { db, caseId, register } = await fresh(encrypted);
      await register.propose(caseId, [card, wallet], 'Ахметов');
      await register.step(caseId, ['card', 'wallet'], { to: 'approved' }, 'Нурланов');
      await register.step(
        caseId,
        ['card'],
        { to: 'request-sent', date: '2026-11-20', outgoingNumber: '3-15/1204' },
        'Ахметов',
      );
      const list = await register.list(caseId);
      // By institution: Tether sorts before АО «Kaspi Bank».
      expect(list.map((r) => [r.id, r.status])).toEqual([
        ['wallet', 'approved'],
        ['card', 'request-sent'],
      ]);
      expect(list[1]!.request).toEqual({ date: '2026-11-20', outgoingNumber: '3-15/1204' });
      const audit = await auditEntriesOf(db, caseId);
      expect(audit.map((e) => e.action).slice(1)).toEqual([
        'freeze.proposed',
        'freeze.status-changed',
        'freeze.status-changed',
      ]);
      expect(audit[2]!.details).toMatchObject({
        to: 'approved',
        requests: [{ from: 'proposed' }, { from: 'proposed' }],
      });
      expect(verifyAuditChain(caseId, audit).ok).toBe(true);
      db.close();
    });
  }

  it('a refused step changes nothing at all, not even for the requests that could move', async () => {
    const { name, db, caseId, register } = await fresh(false);
    await register.propose(caseId, [card, wallet], 'Ахметов');
    await register.step(caseId, ['card'], { to: 'approved' }, 'Ахметов');
    const before = await rawSnapshot(name);
    await expect(
      register.step(caseId, ['wallet', 'card'], { to: 'approved' }, 'Ахметов'),
    ).rejects.toBeInstanceOf(FreezeWorkflowError);
    expect(await rawSnapshot(name)).toBe(before);
    db.close();
  });

  it('edits a proposed amount with its reason, audited', async () => {
    const { db, caseId, register } = await fresh(false);
    await register.propose(caseId, [card], 'Ахметов');
    const edited = await register.edit(
      caseId,
      'card',
      { amountMinor: 1_000_00, amountReason: 'остаток' },
      'Ахметов',
    );
    expect(edited).toMatchObject({ amountMinor: 1_000_00, amountReason: 'остаток' });
    expect((await auditEntriesOf(db, caseId)).at(-1)).toMatchObject({
      action: 'freeze.edited',
      details: { amountReason: 'остаток' },
    });
    db.close();
  });

  it('keeps holders, identifiers and templates out of the raw store of an encrypted case, also after "Set a passphrase"', async () => {
    const sealedFromStart = await fresh(true);
    await sealedFromStart.register.propose(sealedFromStart.caseId, [card, wallet], 'Ахметов');
    await caseSettingRepository(sealedFromStart.db, now).put(
      sealedFromStart.caseId,
      'letter-template:ru',
      { title: 'Запрос Иванову' },
      'Ахметов',
    );
    expect(
      await plaintextFound(sealedFromStart.name, ['Иванов', '4400430396052679', 'TXyzExampleWallet']),
    ).toEqual([]);
    sealedFromStart.db.close();

    const later = await fresh(false);
    await later.register.propose(later.caseId, [card], 'Ахметов');
    const settings = caseSettingRepository(later.db, now);
    await settings.put(later.caseId, 'letter-template:ru', { title: 'Запрос Иванову' }, 'Ахметов');
    const keys = await encryptCase(later.db, later.caseId, 'пять слов фразы для дела', 'Ахметов', FAST);
    provideCaseKeys(later.db, later.caseId, () => keys);
    expect(await later.register.list(later.caseId)).toEqual([card]);
    expect(await settings.get(later.caseId, 'letter-template:ru')).toEqual({ title: 'Запрос Иванову' });
    expect(await plaintextFound(later.name, ['Иванов', '4400430396052679'])).toEqual([]);
    later.db.close();
  });
});
