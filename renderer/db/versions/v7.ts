import { storesV6 } from './v6';

/**
 * v7 (saved graph views): a new table `graphViews`, one record per view an investigator saved in
 * a case — its `ViewState`, node positions and layout — keyed by `[caseId+id]` with `id` a random
 * UUID. In an encrypted case only those two keys are in the clear (docs/encryption.md). Nothing
 * existing changes, so there is no upgrade function.
 */
export const storesV7 = {
  ...storesV6,
  graphViews: '[caseId+id], caseId',
} as const;
