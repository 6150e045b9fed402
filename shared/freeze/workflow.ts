/**
 * The freeze workflow: proposed → approved → request sent → frozen or refused; frozen → released.
 * A status never goes back, and each move must carry the facts a supervisor will ask for (the
 * outgoing number, the bank's reply number, the amount actually frozen). Editing the amount or
 * basis is allowed only while a request is proposed: after approval, what was approved is what
 * goes out.
 */
import type { FreezeRequest, FreezeStatus } from './types';

export type FreezeStep =
  | { to: 'approved' }
  | { to: 'request-sent'; date: string; outgoingNumber: string }
  | { to: 'frozen'; amountMinor: number; date: string; replyNumber: string }
  | { to: 'refused'; reason: string; date: string }
  | { to: 'released'; date: string; reason: string };

export const NEXT_STATUSES: Record<FreezeStatus, readonly FreezeStatus[]> = {
  proposed: ['approved'],
  approved: ['request-sent'],
  'request-sent': ['frozen', 'refused'],
  frozen: ['released'],
  refused: [],
  released: [],
};

/** Why a step was refused: a code the app translates, and English for the CLI and logs. */
export class FreezeWorkflowError extends Error {
  override name = 'FreezeWorkflowError';
  constructor(
    readonly code: 'order' | 'missing' | 'date' | 'amount' | 'locked',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function needText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new FreezeWorkflowError('missing', `${field} is required for this step`, field);
  return text;
}

function needDate(value: string, field: string, notBefore?: string): string {
  const text = value.trim();
  if (!ISO_DATE.test(text) || Number.isNaN(Date.parse(text)))
    throw new FreezeWorkflowError('date', `${field} must be a date YYYY-MM-DD, got "${value}"`, field);
  if (notBefore && text < notBefore)
    throw new FreezeWorkflowError(
      'date',
      `${field} ${text} is before the previous step (${notBefore})`,
      field,
    );
  return text;
}

/** The request after `step`, or a FreezeWorkflowError saying what is wrong. Never mutates. */
export function applyStep(
  request: FreezeRequest,
  step: FreezeStep,
  actor: string,
  at: number,
): FreezeRequest {
  if (!NEXT_STATUSES[request.status].includes(step.to))
    throw new FreezeWorkflowError(
      'order',
      `a request that is ${request.status} cannot become ${step.to} (allowed: ${NEXT_STATUSES[request.status].join(', ') || 'none'})`,
    );
  const next: FreezeRequest = { ...request, status: step.to };
  let details: Record<string, string | number> = {};
  switch (step.to) {
    case 'approved':
      break;
    case 'request-sent': {
      const sent = {
        date: needDate(step.date, 'date'),
        outgoingNumber: needText(step.outgoingNumber, 'outgoingNumber'),
      };
      next.request = sent;
      details = { ...sent };
      break;
    }
    case 'frozen': {
      if (!Number.isSafeInteger(step.amountMinor) || step.amountMinor < 0)
        throw new FreezeWorkflowError('amount', 'the frozen amount must be zero or more', 'amountMinor');
      const frozen = {
        amountMinor: step.amountMinor,
        date: needDate(step.date, 'date', request.request?.date),
        replyNumber: needText(step.replyNumber, 'replyNumber'),
      };
      next.frozen = frozen;
      details = { ...frozen };
      break;
    }
    case 'refused': {
      const refused = {
        reason: needText(step.reason, 'reason'),
        date: needDate(step.date, 'date', request.request?.date),
      };
      next.refused = refused;
      details = { ...refused };
      break;
    }
    case 'released': {
      const released = {
        date: needDate(step.date, 'date', request.frozen?.date),
        reason: needText(step.reason, 'reason'),
      };
      next.released = released;
      details = { ...released };
      break;
    }
  }
  next.history = [...request.history, { status: step.to, at, actor, details }];
  return next;
}

export interface FreezeEdit {
  amountMinor?: number;
  amountReason?: string;
  legalBasis?: string;
}

/** Changes the amount sought or the basis of a proposed request; a manual amount needs a reason. */
export function editRequest(request: FreezeRequest, edit: FreezeEdit): FreezeRequest {
  if (request.status !== 'proposed')
    throw new FreezeWorkflowError('locked', `a request that is ${request.status} can no longer be edited`);
  const next = { ...request };
  if (edit.legalBasis !== undefined) next.legalBasis = needText(edit.legalBasis, 'legalBasis');
  if (edit.amountMinor !== undefined) {
    if (!Number.isSafeInteger(edit.amountMinor) || edit.amountMinor <= 0)
      throw new FreezeWorkflowError('amount', 'the amount sought must be more than zero', 'amountMinor');
    next.amountMinor = edit.amountMinor;
    next.amountReason =
      request.tracedMinor === edit.amountMinor
        ? ''
        : needText(edit.amountReason ?? request.amountReason, 'amountReason');
  } else if (edit.amountReason !== undefined) {
    next.amountReason = edit.amountReason.trim();
  }
  return next;
}
