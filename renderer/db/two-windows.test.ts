import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit/chain';
import { newCase } from '../../shared/crypto/test-keys';
import { auditEntriesOf } from './audit';
import { provideCaseKeys } from './case-keys';
import { caseRepository } from './cases';
import { decisionRepository } from './decisions';
import { openCaseStore } from './schema';

// Two windows of the app on the same profile: two connections to one store, writing one case at
// the same time. appendAudit reads the chain's head inside each write's transaction, and
// IndexedDB runs overlapping rw transactions one after another, so no entry can fork the chain.

const PER_WINDOW = 20;

describe('two windows writing the same case', () => {
  for (const encrypted of [false, true])
    it(`lands every audited write, with one unbroken chain (${encrypted ? 'encrypted' : 'plain'} case)`, async () => {
      const name = `two-windows-${encrypted ? 'encrypted' : 'plain'}`;
      const first = openCaseStore(name);
      const second = openCaseStore(name);
      await Promise.all([first.open(), second.open()]);
      const lock = encrypted ? await newCase() : null;
      const kase = await caseRepository(first).createCase(
        { title: 'Дело', registryNumber: '', investigator: 'A' },
        lock && { keys: lock.keys, wrappedKey: lock.wrapped },
      );
      if (lock) for (const db of [first, second]) provideCaseKeys(db, kase.id, () => lock.keys);
      const decide = (db: typeof first, window: string, i: number) =>
        decisionRepository(db).record(
          kase.id,
          'merge',
          [`card:${window}${i}`, `phone:${window}${i}`],
          window,
          window,
        );
      // Started alternately, all in flight at once.
      await Promise.all(
        Array.from({ length: PER_WINDOW }, (_, i) => [decide(first, 'A', i), decide(second, 'B', i)]).flat(),
      );

      for (const db of [first, second]) {
        const decisions = await decisionRepository(db).list(kase.id);
        expect(decisions).toHaveLength(2 * PER_WINDOW);
        const entries = await auditEntriesOf(db, kase.id);
        expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 2 * PER_WINDOW + 1 }, (_, i) => i));
        expect(verifyAuditChain(kase.id, entries)).toMatchObject({ ok: true, entries: 2 * PER_WINDOW + 1 });
        const merged = entries.filter((e) => e.action === 'entity.merged');
        expect(merged.filter((e) => e.actor === 'A')).toHaveLength(PER_WINDOW);
        expect(merged.filter((e) => e.actor === 'B')).toHaveLength(PER_WINDOW);
        // Interleaved, not one window after the other: the test would prove little otherwise.
        const actors = merged.map((e) => e.actor).join('');
        expect(actors).not.toMatch(/^A+B+$|^B+A+$/);
      }
      first.close();
      second.close();
    });
});
