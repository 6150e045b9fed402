import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit/chain';
import { sampleCaseData, sourceA } from '../../shared/casefile/test-fixtures';
import { FAST, newCase } from '../../shared/crypto/test-keys';
import { requestFixture } from '../../shared/freeze/test-support';
import type { ViewState } from '../../shared/graph/types';
import { prepareForStore } from '../../shared/store/prepare';
import { isQuotaError } from '../app/storage';
import { auditEntriesOf } from './audit';
import { changePassphrase, encryptCase, unlockCase } from './case-lock';
import { provideCaseKeys } from './case-keys';
import { caseSettingRepository } from './case-settings';
import { importCaseData } from './case-transfer';
import { caseRepository } from './cases';
import { decisionRepository } from './decisions';
import {
  constantRandom,
  countWrites,
  installFaultInjector,
  withFault,
  type FaultKind,
} from './faults.test-support';
import { freezeRequestRepository } from './freeze-requests';
import { graphViewRepository } from './graph-views';
import { openCaseStore, type CaseStore } from './schema';
import { sourceRepository } from './sources';
import { rawSnapshot } from './test-support';

// Every write of every multi-record change, failed once as a full disk and once as a killed page:
// afterwards the raw store must equal the state before or the state after, and open and verify.

const PASSPHRASE = 'снег выпал в мае на склоне';
const NEW_PASSPHRASE = 'новая фраза для того же дела';

interface World {
  name: string;
  db: CaseStore;
  caseId: string;
  now: () => number;
  newId: () => string;
}

let counter = 0;

/** An identical store each time: fixed clock, ids and (see constantRandom) random bytes. */
async function fresh(encrypted: boolean): Promise<World> {
  const name = `faults-${++counter}`;
  let clock = 1_764_000_000_000;
  let ids = 0;
  const now = () => (clock += 1000);
  const newId = () => `id-${++ids}`;
  const db = openCaseStore(name);
  const lock = encrypted ? await newCase(PASSPHRASE) : null;
  const kase = await caseRepository(db, now, newId).createCase(
    { title: 'Дело Снежок', registryNumber: '261750031000123', investigator: 'Ахметов' },
    lock ? { keys: lock.keys, wrappedKey: lock.wrapped } : null,
  );
  if (lock) provideCaseKeys(db, kase.id, () => lock.keys);
  return { name, db, caseId: kase.id, now, newId };
}

const viewState: ViewState = {
  version: 1,
  filter: { since: 1_700_000_000_000, sources: ['f'.repeat(64)] },
  collectionThreshold: 25,
  maxElements: 2000,
  seeds: [3],
  nodes: [3, 7, 9],
  collections: [],
  hidden: [11],
  pinned: [7],
  nextCollection: 1,
};

const requests = () => [
  requestFixture({ id: 'card' }),
  requestFixture({ id: 'phone', key: 'phone:+77011234567', kind: 'phone', identifier: '+77011234567' }),
  requestFixture({
    id: 'wallet',
    key: 'tron:TXyz',
    kind: 'wallet',
    identifier: 'TXyz',
    institution: 'Tether',
  }),
];

/** Some of everything a case holds, so re-sealing and copying have records of every kind. */
async function fill(w: World) {
  await sourceRepository(w.db, w.now).saveImport(w.caseId, 'Ахметов', prepareForStore(sourceA(), 2));
  await decisionRepository(w.db, w.now, w.newId).record(
    w.caseId,
    'merge',
    ['card:4400430000001234', 'phone:+77011234567'],
    'один владелец',
    'Ахметов',
  );
  await freezeRequestRepository(w.db, w.now).propose(w.caseId, requests(), 'Ахметов');
  await graphViewRepository(w.db, w.now, w.newId).save(
    w.caseId,
    { name: 'Схема', state: viewState, positions: { '3': { x: 1, y: 2 } }, layout: 'fcose' },
    'Ахметов',
  );
  await caseSettingRepository(w.db, w.now).put(w.caseId, 'trace.method', 'fifo', 'Ахметов');
}

type State = 'before' | 'after';

interface Operation {
  name: string;
  encrypted: boolean;
  prepare?: (w: World) => Promise<void>;
  run: (w: World) => Promise<unknown>;
  /** The passphrase that opens the case's encrypted records in each state. */
  passphrase?: (state: State) => string;
}

const OPERATIONS: Operation[] = [
  {
    name: 'import a statement (plain case)',
    encrypted: false,
    run: (w) => sourceRepository(w.db, w.now).saveImport(w.caseId, 'A', prepareForStore(sourceA(), 2)),
  },
  {
    name: 'import a statement (encrypted case)',
    encrypted: true,
    run: (w) => sourceRepository(w.db, w.now).saveImport(w.caseId, 'A', prepareForStore(sourceA(), 2)),
  },
  {
    name: 'merge decision (encrypted case)',
    encrypted: true,
    prepare: fill,
    run: (w) =>
      decisionRepository(w.db, w.now, w.newId).record(
        w.caseId,
        'merge',
        ['account:KZ86125KZT5004100100', 'card:4400430000001234', 'phone:+77011234567'],
        'общий телефон',
        'Б',
      ),
  },
  {
    name: 'freeze proposal of 3 requests',
    encrypted: true,
    run: (w) => freezeRequestRepository(w.db, w.now).propose(w.caseId, requests(), 'Ахметов'),
  },
  {
    name: 'freeze workflow step, 3 requests',
    encrypted: true,
    prepare: (w) => freezeRequestRepository(w.db, w.now).propose(w.caseId, requests(), 'Ахметов'),
    run: (w) =>
      freezeRequestRepository(w.db, w.now).step(
        w.caseId,
        ['card', 'phone', 'wallet'],
        { to: 'approved' },
        'Б',
      ),
  },
  {
    name: 'set a passphrase (encryptCase)',
    encrypted: false,
    prepare: fill,
    run: (w) => encryptCase(w.db, w.caseId, PASSPHRASE, 'Ахметов', { ...FAST, now: w.now }),
  },
  {
    name: 'change passphrase',
    encrypted: true,
    prepare: fill,
    run: (w) =>
      changePassphrase(w.db, w.caseId, PASSPHRASE, NEW_PASSPHRASE, 'Ахметов', { ...FAST, now: w.now }),
    passphrase: (state) => (state === 'before' ? PASSPHRASE : NEW_PASSPHRASE),
  },
  {
    name: 'import a case file (plain)',
    encrypted: false,
    run: (w) =>
      importCaseData(
        w.db,
        { ...sampleCaseData(), decisions: [], freezeRequests: requests() },
        'Б',
        'snezhok.mtcase',
        w.now(),
      ),
  },
  {
    name: 'import a case file (encrypted)',
    encrypted: false,
    run: async (w) => {
      const lock = await newCase(PASSPHRASE);
      return importCaseData(w.db, sampleCaseData(), 'Б', 'snezhok.mtcase', w.now(), {
        keys: lock.keys,
        wrappedKey: lock.wrapped,
      });
    },
  },
  {
    name: 'save a graph view (encrypted case)',
    encrypted: true,
    prepare: fill,
    run: (w) =>
      graphViewRepository(w.db, w.now, w.newId).save(
        w.caseId,
        { name: 'Вторая схема', state: viewState, positions: {}, layout: 'fcose' },
        'Ахметов',
      ),
  },
];

/**
 * Opens the store afresh (a new window after the crash) and every case in it — unlocking the
 * encrypted ones — and verifies each case's audit chain. Returns how many chains verified.
 */
async function opensAndVerifies(name: string, passphrase: string): Promise<number> {
  const db = openCaseStore(name);
  try {
    let verified = 0;
    for (const record of await db.cases.toArray()) {
      if (record.encrypted) {
        const keys = await unlockCase(db, record.id, passphrase, { upgradeKdf: false });
        provideCaseKeys(db, record.id, () => keys);
      }
      const summary = await caseRepository(db).getCase(record.id);
      expect(summary?.locked).toBe(false);
      const verdict = verifyAuditChain(record.id, await auditEntriesOf(db, record.id));
      expect(verdict).toMatchObject({ ok: true });
      if (verdict.ok) verified += 1;
    }
    return verified;
  } finally {
    db.close();
  }
}

interface Row {
  operation: string;
  writes: number;
  quota: number;
  abort: number;
  commit: number;
  before: number;
  after: number;
  mixed: number;
  verified: number;
  /** Quota faults whose error the app recognises as a full disk (and says so). */
  recognised: number;
  errors: Set<string>;
}

const rows: Row[] = [];
let restoreStore: () => void = () => {};
let restoreRandom: () => void = () => {};

beforeAll(() => {
  restoreStore = installFaultInjector();
  restoreRandom = constantRandom();
});

afterAll(() => {
  restoreRandom();
  restoreStore();
  const table = rows.map(
    (r) =>
      `| ${r.operation} | ${r.writes} | ${r.quota} | ${r.abort} | ${r.commit} | ${r.before} | ${r.after} | ${r.mixed} | ${r.verified}/${r.quota + r.abort + r.commit} | ${r.recognised}/${r.quota + r.commit} | ${[...r.errors].sort().join(', ')} |`,
  );
  console.log(
    [
      '| operation | write points | quota faults | abort faults | commit faults | before | after | mixed | audit chain verified | disk full recognised | errors seen |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      ...table,
    ].join('\n'),
  );
});

async function prepared(operation: Operation): Promise<World> {
  const w = await fresh(operation.encrypted);
  await operation.prepare?.(w);
  return w;
}

describe('fault injection in the case store', () => {
  for (const operation of OPERATIONS) {
    it(`${operation.name}: every write failed leaves the before or the after state`, async () => {
      const passphrase = operation.passphrase ?? (() => PASSPHRASE);
      // A clean run on a fresh store gives the before and after snapshots and the write count.
      const clean = await prepared(operation);
      const before = await rawSnapshot(clean.name);
      const writes = await countWrites(() => operation.run(clean));
      const after = await rawSnapshot(clean.name);
      clean.db.close();
      expect(writes).toBeGreaterThan(1);
      expect(after).not.toBe(before);
      expect(await opensAndVerifies(clean.name, passphrase('after'))).toBeGreaterThan(0);

      const row: Row = {
        operation: operation.name,
        writes,
        quota: 0,
        abort: 0,
        commit: 0,
        before: 0,
        after: 0,
        mixed: 0,
        verified: 0,
        recognised: 0,
        errors: new Set(),
      };
      rows.push(row);
      // Each write failed as a full disk and as a killed page, then the commit failed as a full disk.
      const faults: [number, FaultKind][] = [
        ...Array.from({ length: writes }, (_, i) => [
          [i + 1, 'quota'] as [number, FaultKind],
          [i + 1, 'abort'] as [number, FaultKind],
        ]).flat(),
        [0, 'commit'],
      ];
      for (const [at, kind] of faults) {
        const w = await prepared(operation);
        expect(await rawSnapshot(w.name)).toBe(before);
        const run = await withFault(at, kind, () => operation.run(w));
        w.db.close();
        expect(run.injected).toBe(true);
        row[kind] += 1;
        const snapshot = await rawSnapshot(w.name);
        const state = snapshot === before ? 'before' : snapshot === after ? 'after' : 'mixed';
        row[state] += 1;
        const where = `${operation.name}, ${kind === 'commit' ? 'commit' : `write ${at} of ${writes}`}, ${kind}`;
        expect(state, where).not.toBe('mixed');
        // Rejected must mean nothing changed; resolved must mean all of it landed.
        expect(state, where).toBe(run.outcome === 'rejected' ? 'before' : 'after');
        if (run.outcome === 'rejected') {
          const error = run.error as Error;
          row.errors.add(error.name);
          // …and a full disk must reach the investigator as one, however Dexie wrapped it.
          if (kind !== 'abort') {
            expect(isQuotaError(error), `${where}: ${error.message}`).toBe(true);
            if (isQuotaError(error)) row.recognised += 1;
          }
        }
        if (state !== 'mixed') {
          await opensAndVerifies(w.name, passphrase(state)); // throws unless every case opens and verifies
          row.verified += 1;
        }
      }
      expect(row.mixed).toBe(0);
    });
  }
});

describe('the fault harness itself', () => {
  it('sees a mix when a change is split over two transactions (negative control)', async () => {
    const w = await fresh(false);
    const before = await rawSnapshot(w.name);
    const decisions = decisionRepository(w.db, w.now, w.newId);
    const twoDecisions = async () => {
      await decisions.record(w.caseId, 'merge', ['card:1', 'phone:2'], 'первое', 'A');
      await decisions.record(w.caseId, 'merge', ['card:3', 'phone:4'], 'второе', 'A');
    };
    // Three writes each (decision, audit entry, case timestamp): the 4th is the second one's first.
    const run = await withFault(4, 'abort', twoDecisions);
    expect(run).toMatchObject({ outcome: 'rejected', injected: true });
    const snapshot = await rawSnapshot(w.name);
    expect(snapshot).not.toBe(before);
    expect(await decisions.list(w.caseId)).toHaveLength(1);
    w.db.close();
  });
});
