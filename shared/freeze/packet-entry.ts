import type { FreezeEntry } from '../packet/types';
import type { FreezeRequest } from './types';

/** What the packet needs of a register entry: a snapshot, without the workflow history. */
export function packetEntryOf(r: FreezeRequest): FreezeEntry {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    identifier: r.identifier,
    holder: r.holder,
    ...(r.holderId ? { holderId: r.holderId } : {}),
    institution: r.institution,
    institutionKind: r.institutionKind,
    amountMinor: r.amountMinor,
    currency: r.currency,
    status: r.status,
    legalBasis: r.legalBasis,
    evidence: r.evidence,
    ...(r.amountReason ? { amountReason: r.amountReason } : {}),
  };
}
