import { storesV1 } from './v1';

/**
 * v2 (statement import): imported files, their transactions in column blocks, identifier
 * mentions in blocks, and saved column-mapping profiles. Purely additive: no v1 record changes,
 * so there is no upgrade function; the migration test still opens real v1 data with it.
 */
export const storesV2 = {
  ...storesV1,
  sources: '[caseId+sha256], caseId',
  transactionBlocks: '[caseId+sha256+block], caseId, [caseId+sha256]',
  mentionBlocks: '[caseId+sha256+block], caseId, [caseId+sha256]',
  importProfiles: 'signature',
} as const;
