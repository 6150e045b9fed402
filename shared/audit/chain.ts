import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The audit log is append-only and hash-chained: each entry carries the hash of the one before,
 * so editing, removing or reordering any entry breaks every hash after it. Hashing is synchronous
 * (@noble/hashes) so the same code runs in the renderer, the CLI and tests.
 */
export type AuditAction =
  | 'case.created'
  | 'case.renamed'
  | 'source.imported'
  | 'entity.merged'
  | 'entity.split'
  | 'trace.run'
  | 'freeze.proposed'
  | 'freeze.edited'
  | 'freeze.status-changed'
  | 'packet.exported'
  | 'case.exported'
  | 'case.imported'
  | 'case.encrypted'
  | 'case.passphrase-changed'
  | 'duplicates.decided'
  | 'graph-view.saved'
  | 'graph-view.deleted'
  | 'case.setting-saved'
  | 'case.setting-reset';

export interface AuditEntryBody {
  caseId: string;
  seq: number;
  at: number;
  actor: string;
  action: AuditAction;
  details: Record<string, unknown>;
}

export interface AuditEntry extends AuditEntryBody {
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('audit details must be finite');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashAuditEntry(body: AuditEntryBody, prevHash: string): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ ...body, prevHash }))));
}

/** The next entry after `previous` (or the first one of a case when there is none). */
export function chainAuditEntry(
  previous: AuditEntry | undefined,
  next: Omit<AuditEntryBody, 'seq'>,
): AuditEntry {
  const body: AuditEntryBody = { ...next, seq: previous ? previous.seq + 1 : 0 };
  const prevHash = previous ? previous.hash : GENESIS_HASH;
  return { ...body, prevHash, hash: hashAuditEntry(body, prevHash) };
}

export type ChainVerdict =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; seq: number; problem: 'edited' | 'missing-or-reordered' | 'wrong-case'; detail: string };

/** Checks a case's entries in stored order; names the first entry where the chain breaks. */
export function verifyAuditChain(caseId: string, entries: readonly AuditEntry[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as AuditEntry;
    if (entry.caseId !== caseId) {
      return {
        ok: false,
        seq: entry.seq,
        problem: 'wrong-case',
        detail: `entry belongs to case ${entry.caseId}`,
      };
    }
    if (entry.seq !== i || entry.prevHash !== prevHash) {
      return {
        ok: false,
        seq: entry.seq,
        problem: 'missing-or-reordered',
        detail: `expected entry #${i} following ${prevHash.slice(0, 12)}…, found #${entry.seq}`,
      };
    }
    const { prevHash: _p, hash, ...body } = entry;
    if (hashAuditEntry(body, prevHash) !== hash) {
      return {
        ok: false,
        seq: entry.seq,
        problem: 'edited',
        detail: `entry #${entry.seq} does not match its hash`,
      };
    }
    prevHash = hash;
  }
  return { ok: true, entries: entries.length, headHash: prevHash };
}
