/**
 * Validation of the `audit` NDJSON table. Actions are any string: a newer app may log actions this
 * one has no name for, and the hash chain (verified on read) already proves nothing was edited.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

export const auditEntrySchema = z.looseObject({
  caseId: z.string(),
  seq: z.number().int().nonnegative(),
  at: finite,
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: hex64,
  hash: hex64,
});

/** Validation of the optional `decisions` NDJSON table (merge/split calls on entities). */
export const decisionSchema = z.looseObject({
  id: z.string(),
  action: z.enum(['merge', 'split']),
  keys: z.array(z.string()).min(2),
  reason: z.string(),
  actor: z.string(),
  at: finite,
});

const evidenceRow = z.looseObject({ file: z.string(), sha256: z.string(), sheet: z.string(), row: finite });

/** Validation of the optional `freeze-requests` table: the fields the register and packet rely on. */
export const freezeRequestSchema = z.looseObject({
  id: z.string().min(1),
  key: z.string().min(1),
  kind: z.enum(['card', 'account', 'wallet', 'exchange-account', 'phone']),
  identifier: z.string().min(1),
  holder: z.string(),
  institution: z.string(),
  institutionKind: z.enum(['bank', 'exchange', 'issuer', 'none']),
  amountMinor: finite,
  currency: z.string().min(1),
  amountReason: z.string(),
  legalBasis: z.string(),
  evidence: z.array(evidenceRow),
  status: z.enum(['proposed', 'approved', 'request-sent', 'frozen', 'refused', 'released']),
  history: z.array(
    z.looseObject({
      status: z.string(),
      at: finite,
      actor: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** Validation of the optional `settings` table (letter templates and other per-case settings). */
export const settingSchema = z.looseObject({ name: z.string().min(1), value: z.unknown(), savedAt: finite });

/** Validation of the optional `graph-views` table: a saved view's name, state and positions. */
export const graphViewSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  state: z.looseObject({ version: z.union([z.literal(1), z.literal(2)]) }),
  positions: z.record(z.string(), z.object({ x: finite, y: finite })),
  layout: z.string(),
  savedAt: finite,
  actor: z.string(),
});
