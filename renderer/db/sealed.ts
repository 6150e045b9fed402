import Dexie from 'dexie';
import type { AuditEntry } from '../../shared/audit/chain';
import {
  decodeBlockBytes,
  decodeColumnarBytes,
  decryptJson,
  decryptRecord,
  encodeBlockBytes,
  encodeColumnarBytes,
  encryptJson,
  encryptRecord,
  fileIndexKey,
  identifierIndexKey,
  recordAad,
  type CaseKeys,
  type WrappedKey,
} from '../../shared/crypto';
import type { DuplicateDecision } from '../../shared/dedupe';
import type { Case } from '../../shared/model/case';
import type { FreezeRequest } from '../../shared/freeze/types';
import type { EntityDecision } from '../../shared/resolve/decisions';
import type { InvalidMention } from '../../shared/model/statement';
import type { MentionBlock } from '../../shared/store/mention-block';
import { decodeInvalidColumns, encodeInvalidColumns } from '../../shared/store/invalid-list';
import { jsonBytesInSlices, slicedItems } from '../../shared/store/json-slices';
import type { StoredSourceDetails } from '../../shared/store/prepare';
import type { TransactionBlock } from '../../shared/store/transaction-block';
import {
  isSealed,
  type CaseContent,
  type CaseRecord,
  type CaseSetting,
  type CaseSettingRecord,
  type DuplicateDecisionRecord,
  type EntityDecisionRecord,
  type FreezeRequestRecord,
  type GraphView,
  type GraphViewRecord,
  type MentionBlockRecord,
  type SealedSourceRecord,
  type SourceRecord,
  type SourceSummary,
  type StoredAuditRecord,
  type StoredSourceRecord,
  type TransactionBlockRecord,
} from './records';

/**
 * Record by record, the conversion between what a repository works with and what is stored: the
 * payload in the clear for an unencrypted case (`keys` null), sealed under the case's data key
 * for an encrypted one, with the AAD naming table and primary key so a sealed value moved to
 * another record fails authentication. The only code that encrypts or decrypts store records.
 *
 * Every function answers with a Dexie promise, never a native one, and every WebCrypto promise
 * goes through Dexie.waitFor. Awaiting anything else loses Dexie's context: inside a transaction
 * the transaction commits early, inside a live query the reads that follow stop being observed.
 * Bulk work (an import's blocks) is sealed before its transaction, not inside it.
 */
const crypt = <T>(promise: Promise<T>): Promise<T> => Dexie.waitFor(promise);
const done = <T>(value: T): Promise<T> => Dexie.Promise.resolve(value);

type Keys = CaseKeys | null;

// ─── keys ──────────────────────────────────────────────────────────────────────────────────────

/** The stored `sha256` key field of a file's records (see records.ts). */
export const fileKeyOf = (keys: Keys, sha256: string): Promise<string> =>
  keys ? crypt(fileIndexKey(keys, sha256)) : done(sha256);

const decisionIdOf = (keys: Keys, id: string): Promise<string> =>
  keys ? crypt(identifierIndexKey(keys, 'decision-id', id)) : done(id);

export const pairKeyOf = (keys: Keys, key: string): Promise<string> =>
  keys ? crypt(identifierIndexKey(keys, 'duplicate-pair', key)) : done(key);

// ─── cases ─────────────────────────────────────────────────────────────────────────────────────

export function sealCase(
  kase: Case,
  lock: { keys: CaseKeys; wrappedKey: WrappedKey } | null,
): Promise<CaseRecord> {
  if (!lock) return done({ ...kase, encrypted: false });
  const { id, createdAt, updatedAt, title, registryNumber, investigator } = kase;
  const content: CaseContent = { title, registryNumber, investigator };
  return crypt(encryptJson(lock.keys, recordAad('cases', id), content)).then((sealed) => ({
    id,
    createdAt,
    updatedAt,
    encrypted: true as const,
    wrappedKey: lock.wrappedKey,
    sealed,
  }));
}

export function openCase(keys: Keys, record: CaseRecord): Promise<Case> {
  if (!record.encrypted) {
    const { encrypted: _encrypted, ...kase } = record;
    return done(kase);
  }
  return crypt(decryptJson(need(keys), recordAad('cases', record.id), record.sealed)).then((value) => {
    const content = value as CaseContent;
    return {
      id: record.id,
      title: content.title,
      registryNumber: content.registryNumber,
      investigator: content.investigator,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  });
}

// ─── audit ─────────────────────────────────────────────────────────────────────────────────────

export function sealAudit(keys: Keys, entry: AuditEntry): Promise<StoredAuditRecord> {
  if (!keys) return done(entry);
  const { caseId, seq } = entry;
  const aad = recordAad('auditEntries', [caseId, seq]);
  return crypt(encryptJson(keys, aad, entry)).then((sealed) => ({ caseId, seq, sealed }));
}

export function openAudit(keys: Keys, record: StoredAuditRecord): Promise<AuditEntry> {
  if (!isSealed(record)) return done(record);
  const aad = recordAad('auditEntries', [record.caseId, record.seq]);
  return crypt(decryptJson(need(keys), aad, record.sealed)).then((entry) => entry as AuditEntry);
}

// ─── sources ───────────────────────────────────────────────────────────────────────────────────

export function sealSource(
  keys: Keys,
  caseId: string,
  details: StoredSourceDetails,
): Promise<StoredSourceRecord> {
  if (!keys) return done({ ...details, caseId });
  const { invalid, ...rest } = details;
  return fileKeyOf(keys, details.sha256).then((sha256) =>
    crypt(
      Promise.all([
        encryptJson(keys, recordAad('sources', [caseId, sha256]), { ...rest, invalidCount: invalid.length }),
        encryptRecord(keys, invalidAad(caseId, sha256), invalidBytes(invalid)),
      ]),
    ).then(([sealed, sealedInvalid]) => ({ caseId, sha256, sealed, sealedInvalid })),
  );
}

/**
 * sealSource for an import's source, whose lists can be long: their JSON is written a slice at a
 * time with `pause` awaited between slices (where the worker reports progress). Returns once the
 * JSON is written; `sealed` settles when the encryption, which needs no more of this thread's
 * time, is done.
 */
export async function startSealingSource(
  keys: Keys,
  caseId: string,
  details: StoredSourceDetails,
  pause: (itemsWritten: number) => Promise<void>,
): Promise<{ sealed: Promise<StoredSourceRecord> }> {
  if (!keys) return { sealed: Promise.resolve({ ...details, caseId }) };
  const sha256 = await fileKeyOf(keys, details.sha256);
  const { invalid, ...rest } = details;
  const json = await jsonBytesInSlices({ ...rest, invalidCount: invalid.length }, pause);
  const columns = invalidBytes(invalid);
  await pause(sourceItems(details));
  return {
    sealed: Promise.all([
      encryptRecord(keys, recordAad('sources', [caseId, sha256]), json),
      encryptRecord(keys, invalidAad(caseId, sha256), columns),
    ]).then(([sealed, sealedInvalid]) => ({ caseId, sha256, sealed, sealedInvalid })),
  };
}

/** What startSealingSource reports in all: the items of its long lists. */
export function sourceItems(details: StoredSourceDetails): number {
  const { invalid, ...rest } = details;
  return slicedItems(rest) + invalid.length;
}

const invalidAad = (caseId: string, fileKey: string) => recordAad('sources.invalid', [caseId, fileKey]);
const invalidBytes = (invalid: readonly InvalidMention[]) =>
  encodeColumnarBytes(encodeInvalidColumns(invalid) as unknown as Record<string, unknown>);

/** What `sealed` holds: since the split the details without the list, before it the whole. */
type SealedDetails = StoredSourceDetails | (Omit<StoredSourceDetails, 'invalid'> & { invalidCount: number });

function openDetails(keys: Keys, record: SealedSourceRecord): Promise<SealedDetails> {
  const aad = recordAad('sources', [record.caseId, record.sha256]);
  return crypt(decryptJson(need(keys), aad, record.sealed)).then((value) => value as SealedDetails);
}

/** A source whole, invalid identifiers included (an export, a change of passphrase, its panel). */
export function openSource(keys: Keys, record: StoredSourceRecord): Promise<SourceRecord> {
  if (!isSealed(record)) return done(record);
  const { caseId } = record;
  return openDetails(keys, record).then((details) => {
    if ('invalid' in details) return { ...details, caseId };
    const { invalidCount: _count, ...rest } = details;
    return openInvalid(keys, record).then((invalid) => ({ ...rest, invalid, caseId }));
  });
}

/** A source without its invalid identifiers: what lists of sources need (see SourceSummary). */
export function openSourceSummary(keys: Keys, record: StoredSourceRecord): Promise<SourceSummary> {
  if (!isSealed(record)) return done(summaryOf(record));
  const { caseId } = record;
  return openDetails(keys, record).then((details) =>
    'invalid' in details ? summaryOf({ ...details, caseId }) : { ...details, caseId },
  );
}

/** A source's invalid identifiers. */
export function openInvalid(keys: Keys, record: StoredSourceRecord): Promise<InvalidMention[]> {
  if (!isSealed(record)) return done(record.invalid);
  const { caseId, sha256, sealedInvalid } = record as SealedSourceRecord;
  if (sealedInvalid === undefined)
    return openDetails(keys, record).then((d) => (d as StoredSourceDetails).invalid);
  return crypt(decryptRecord(need(keys), invalidAad(caseId, sha256), sealedInvalid)).then((bytes) =>
    decodeInvalidColumns(decodeColumnarBytes(bytes)),
  );
}

function summaryOf(record: SourceRecord): SourceSummary {
  const { invalid, ...rest } = record;
  return { ...rest, invalidCount: invalid.length };
}

// ─── blocks ────────────────────────────────────────────────────────────────────────────────────

export function sealTransactionBlock(
  keys: Keys,
  caseId: string,
  fileKey: string,
  block: number,
  data: TransactionBlock,
): Promise<TransactionBlockRecord> {
  if (!keys) return done({ caseId, sha256: fileKey, block, data });
  const aad = recordAad('transactionBlocks', [caseId, fileKey, block]);
  return crypt(encryptRecord(keys, aad, encodeBlockBytes(data))).then((sealed) => ({
    caseId,
    sha256: fileKey,
    block,
    sealed,
  }));
}

export function openTransactionBlock(keys: Keys, record: TransactionBlockRecord): Promise<TransactionBlock> {
  if (!isSealed(record)) return done(record.data);
  const aad = recordAad('transactionBlocks', [record.caseId, record.sha256, record.block]);
  return crypt(decryptRecord(need(keys), aad, record.sealed)).then(decodeBlockBytes);
}

/** The real SHA-256 travels inside the sealed mention block: readers list mentions by file. */
export function sealMentionBlock(
  keys: Keys,
  caseId: string,
  sha256: string,
  block: number,
  data: MentionBlock,
): Promise<MentionBlockRecord> {
  if (!keys) return done({ caseId, sha256, block, data });
  return fileKeyOf(keys, sha256).then((fileKey) => {
    const aad = recordAad('mentionBlocks', [caseId, fileKey, block]);
    const bytes = encodeColumnarBytes({ ...data, sha256 });
    return crypt(encryptRecord(keys, aad, bytes)).then((sealed) => ({
      caseId,
      sha256: fileKey,
      block,
      sealed,
    }));
  });
}

export function openMentionBlock(
  keys: Keys,
  record: MentionBlockRecord,
): Promise<{ sha256: string; data: MentionBlock }> {
  if (!isSealed(record)) return done({ sha256: record.sha256, data: record.data });
  const aad = recordAad('mentionBlocks', [record.caseId, record.sha256, record.block]);
  return crypt(decryptRecord(need(keys), aad, record.sealed)).then((bytes) => {
    const { sha256, ...data } = decodeColumnarBytes(bytes);
    if (typeof sha256 !== 'string' || typeof data.count !== 'number')
      throw new Error('Malformed mention block');
    return { sha256, data: data as unknown as MentionBlock };
  });
}

// ─── decisions ─────────────────────────────────────────────────────────────────────────────────

export function sealEntityDecision(
  keys: Keys,
  caseId: string,
  decision: EntityDecision,
): Promise<EntityDecisionRecord> {
  if (!keys) return done({ ...decision, caseId });
  return decisionIdOf(keys, decision.id).then((id) =>
    crypt(encryptJson(keys, recordAad('entityDecisions', [caseId, id]), decision)).then((sealed) => ({
      caseId,
      id,
      sealed,
    })),
  );
}

export function openEntityDecision(keys: Keys, record: EntityDecisionRecord): Promise<EntityDecision> {
  if (!isSealed(record)) {
    const { caseId: _caseId, ...decision } = record;
    return done(decision);
  }
  const aad = recordAad('entityDecisions', [record.caseId, record.id]);
  return crypt(decryptJson(need(keys), aad, record.sealed)).then((value) => value as EntityDecision);
}

export function sealDuplicateDecision(
  keys: Keys,
  caseId: string,
  key: string,
  decision: DuplicateDecision,
): Promise<DuplicateDecisionRecord> {
  if (!keys) return done({ ...decision, caseId, key });
  return pairKeyOf(keys, key).then((stored) =>
    crypt(encryptJson(keys, recordAad('duplicateDecisions', [caseId, stored]), decision)).then((sealed) => ({
      caseId,
      key: stored,
      sealed,
    })),
  );
}

export function openDuplicateDecision(
  keys: Keys,
  record: DuplicateDecisionRecord,
): Promise<DuplicateDecision> {
  if (!isSealed(record)) {
    const { caseId: _caseId, key: _key, ...decision } = record;
    return done(decision);
  }
  const aad = recordAad('duplicateDecisions', [record.caseId, record.key]);
  return crypt(decryptJson(need(keys), aad, record.sealed)).then((value) => value as DuplicateDecision);
}

// ─── graph views ───────────────────────────────────────────────────────────────────────────────

export function sealGraphView(keys: Keys, caseId: string, view: GraphView): Promise<GraphViewRecord> {
  if (!keys) return done({ ...view, caseId });
  const aad = recordAad('graphViews', [caseId, view.id]);
  return crypt(encryptJson(keys, aad, view)).then((sealed) => ({ caseId, id: view.id, sealed }));
}

export function openGraphView(keys: Keys, record: GraphViewRecord): Promise<GraphView> {
  if (!isSealed(record)) {
    const { caseId: _caseId, ...view } = record;
    return done(view);
  }
  const aad = recordAad('graphViews', [record.caseId, record.id]);
  return crypt(decryptJson(need(keys), aad, record.sealed)).then((value) => value as GraphView);
}

export function sealFreezeRequest(
  keys: Keys,
  caseId: string,
  request: FreezeRequest,
): Promise<FreezeRequestRecord> {
  if (!keys) return done({ ...request, caseId });
  const aad = recordAad('freezeRequests', [caseId, request.id]);
  return crypt(encryptJson(keys, aad, request)).then((sealed) => ({ caseId, id: request.id, sealed }));
}

export function openFreezeRequest(keys: Keys, record: FreezeRequestRecord): Promise<FreezeRequest> {
  if (!isSealed(record)) {
    const { caseId: _caseId, ...request } = record;
    return done(request);
  }
  const aad = recordAad('freezeRequests', [record.caseId, record.id]);
  return crypt(decryptJson(need(keys), aad, record.sealed)).then((value) => value as FreezeRequest);
}

export function sealCaseSetting(
  keys: Keys,
  caseId: string,
  setting: CaseSetting,
): Promise<CaseSettingRecord> {
  if (!keys) return done({ ...setting, caseId });
  const aad = recordAad('caseSettings', [caseId, setting.name]);
  return crypt(encryptJson(keys, aad, setting)).then((sealed) => ({ caseId, name: setting.name, sealed }));
}

export function openCaseSetting(keys: Keys, record: CaseSettingRecord): Promise<CaseSetting> {
  if (!isSealed(record)) {
    const { caseId: _caseId, ...setting } = record;
    return done(setting);
  }
  const aad = recordAad('caseSettings', [record.caseId, record.name]);
  return crypt(decryptJson(need(keys), aad, record.sealed)).then((value) => value as CaseSetting);
}

/** A sealed record in a case the store thinks is unencrypted: the case record was altered. */
function need(keys: Keys): CaseKeys {
  if (!keys) throw new Error('An encrypted record was found in a case stored without encryption');
  return keys;
}
