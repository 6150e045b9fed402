export type * from './types';
export {
  applyStep,
  editRequest,
  FreezeWorkflowError,
  NEXT_STATUSES,
  type FreezeEdit,
  type FreezeStep,
} from './workflow';
export {
  assetKindOf,
  EVIDENCE_PER_ASSET,
  proposalsFromTrace,
  type Proposal,
  type ProposeOptions,
} from './propose';
export { freezeTotals, statusAmountMinor, type AmountsByCurrency, type FreezeTotals } from './totals';
export { packetEntryOf } from './packet-entry';
export { parseAmountInput } from './amount-input';
/** What the register proposes as the basis until the investigator writes another. */
export { DEFAULT_LEGAL_BASIS } from '../packet/letters/default-templates';
export { goesInPacket, packetTraces, traceRequestOf } from './packet-input';
