import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  CaseRecord,
  CaseSettingRecord,
  DuplicateDecisionRecord,
  EntityDecisionRecord,
  FreezeRequestRecord,
  GraphViewRecord,
  InstallationRecord,
  ImportProfileRecord,
  MentionBlockRecord,
  StoredAuditRecord,
  StoredSourceRecord,
  TransactionBlockRecord,
} from './records';
import { storesV1 } from './versions/v1';
import { storesV2 } from './versions/v2';
import { storesV3 } from './versions/v3';
import { storesV4 } from './versions/v4';
import { storesV5, upgradeToV5 } from './versions/v5';
import { storesV6, upgradeToV6 } from './versions/v6';
import { storesV7 } from './versions/v7';
import { storesV8 } from './versions/v8';

/**
 * The case store's schema, in one place. Versions are only ever added, one file each under
 * ./versions with its migration, and each is tested by opening data the previous one wrote.
 */
export const DATABASE_NAME = 'moneytrail';

export type CaseStore = Dexie & {
  cases: EntityTable<CaseRecord, 'id'>;
  auditEntries: Table<StoredAuditRecord, [string, number]>;
  sources: Table<StoredSourceRecord, [string, string]>;
  transactionBlocks: Table<TransactionBlockRecord, [string, string, number]>;
  mentionBlocks: Table<MentionBlockRecord, [string, string, number]>;
  importProfiles: EntityTable<ImportProfileRecord, 'signature'>;
  entityDecisions: Table<EntityDecisionRecord, [string, string]>;
  duplicateDecisions: Table<DuplicateDecisionRecord, [string, string]>;
  graphViews: Table<GraphViewRecord, [string, string]>;
  freezeRequests: Table<FreezeRequestRecord, [string, string]>;
  caseSettings: Table<CaseSettingRecord, [string, string]>;
  installation: EntityTable<InstallationRecord, 'name'>;
};

/** Every version in order: its tables and, where stored data must be rewritten, its migration. */
const VERSIONS: readonly {
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  { stores: storesV1 },
  { stores: storesV2 },
  { stores: storesV3 },
  { stores: storesV4 },
  { stores: storesV5, upgrade: upgradeToV5 },
  { stores: storesV6, upgrade: upgradeToV6 },
  { stores: storesV7 },
  { stores: storesV8 },
];

export const CURRENT_VERSION = VERSIONS.length;

export class NewerStoreError extends Error {
  constructor(readonly found: number) {
    super(
      `This case store was written by a newer MoneyTrail (store version ${found}, this app knows ${CURRENT_VERSION}). ` +
        'Update MoneyTrail to open it; nothing was changed.',
    );
    this.name = 'NewerStoreError';
  }
}

/**
 * `upTo` below today's version opens the store exactly as that older app declared it: the
 * migration tests write data with it, then open the same database with today's schema.
 */
export function openCaseStore(name: string = DATABASE_NAME, upTo: number = CURRENT_VERSION): CaseStore {
  const db = new Dexie(name) as CaseStore;
  VERSIONS.slice(0, upTo).forEach(({ stores, upgrade }, i) => {
    const version = db.version(i + 1).stores(stores);
    if (upgrade) version.upgrade(upgrade);
  });
  return db;
}

/**
 * Opens the store and refuses one written by a newer app: Dexie 4 would open it and work on a
 * schema it does not understand, and an old app writing into a newer case could corrupt it
 * (Signal Desktop refuses likewise). Dexie keeps IndexedDB's version at its own × 10.
 */
export async function openCheckedCaseStore(db: CaseStore): Promise<CaseStore> {
  await db.open();
  const found = Math.floor(db.backendDB().version / 10);
  if (found > CURRENT_VERSION) {
    db.close();
    throw new NewerStoreError(found);
  }
  return db;
}
