/**
 * The freeze register: the assets an investigator asks banks, exchanges and issuers to freeze in
 * one case, each with its amount, basis, evidence and a status that only moves forward.
 */
import type { AssetKind, EvidenceRow, FreezeStatus } from '../packet/types';

export type { AssetKind, EvidenceRow, FreezeStatus };

export type InstitutionKind = 'bank' | 'exchange' | 'issuer' | 'none';

/** The trace a request came from, so the packet can re-run it for the report (same numbers). */
export interface TraceOrigin {
  from: string[];
  direction: 'down' | 'up';
  method: string;
  maxHops?: number;
  minAmount?: number;
  since?: number;
  until?: number;
  stopAtKeys?: string[];
  continueThroughKeys?: string[];
  seedCurrency: string;
}

/** One recorded move of the workflow, kept in order on the request and in the audit log. */
export interface FreezeEvent {
  status: FreezeStatus;
  at: number;
  actor: string;
  /** The facts the move recorded (outgoing number, reply number, frozen amount, reason…). */
  details: Record<string, string | number>;
}

export interface FreezeRequest {
  id: string;
  /** Ledger place key (`card:4400…`), the same across re-imports. */
  key: string;
  kind: AssetKind;
  /** The identifier as the request names it (full card, IBAN, wallet, exchange account). */
  identifier: string;
  holder: string;
  holderId?: string;
  institution: string;
  institutionKind: InstitutionKind;
  /** Amount sought, integer minor units of `currency`. */
  amountMinor: number;
  currency: string;
  /** What the trace found still held there, in `currency`; absent for a manual entry. */
  tracedMinor?: number;
  /** Empty when the amount is the traced one; the investigator's reason for a manual figure. */
  amountReason: string;
  legalBasis: string;
  evidence: EvidenceRow[];
  origin?: TraceOrigin;
  status: FreezeStatus;
  history: FreezeEvent[];
  /** Filled by the workflow steps. */
  request?: { date: string; outgoingNumber: string };
  frozen?: { amountMinor: number; date: string; replyNumber: string };
  refused?: { reason: string; date: string };
  released?: { date: string; reason: string };
}
