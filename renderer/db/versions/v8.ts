import { storesV7 } from './v7';

/**
 * v8 (freeze register and packets): `freezeRequests`, one record per asset in a case's freeze
 * register keyed by `[caseId+id]` (random UUID); `caseSettings`, what the investigator edits per
 * case (letter templates) keyed by `[caseId+name]`; and `installation`, values of this
 * installation keyed by `name` (the packet signing key). In an encrypted case only the key fields
 * of the first two are in the clear. Nothing existing changes, so there is no upgrade function.
 */
export const storesV8 = {
  ...storesV7,
  freezeRequests: '[caseId+id], caseId',
  caseSettings: '[caseId+name], caseId',
  installation: 'name',
} as const;
