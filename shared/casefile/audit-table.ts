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
