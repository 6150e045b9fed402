import { storesV3 } from './v3';

/**
 * v4 (duplicate review): the investigator's confirm/reject calls on candidate duplicate pairs,
 * keyed by file hash, sheet and row so they outlive a re-import. Additive.
 */
export const storesV4 = {
  ...storesV3,
  duplicateDecisions: '[caseId+key], caseId',
} as const;
