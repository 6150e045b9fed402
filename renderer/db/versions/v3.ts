import { storesV2 } from './v2';

/**
 * v3 (identity decisions): the investigator's merge/split calls on entities, kept per case.
 * Additive like v2; the migration test opens a case with imported statements written by v2.
 */
export const storesV3 = {
  ...storesV2,
  entityDecisions: '[caseId+id], caseId',
} as const;
