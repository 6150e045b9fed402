import { describe, expect, it } from 'vitest';
import { requestFixture } from './test-support';
import { applyStep, editRequest, FreezeWorkflowError, type FreezeStep } from './workflow';
import type { FreezeRequest } from './types';

const walk = (steps: FreezeStep[], start: FreezeRequest = requestFixture()) =>
  steps.reduce((r, step, i) => applyStep(r, step, 'Ахметов', 100 + i), start);

const sent: FreezeStep = { to: 'request-sent', date: '2026-11-20', outgoingNumber: '3-15/1204' };
const frozen: FreezeStep = {
  to: 'frozen',
  amountMinor: 1_100_000_00,
  date: '2026-11-22',
  replyNumber: 'ОТ-889',
};

function error(fn: () => unknown): FreezeWorkflowError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FreezeWorkflowError) return e;
    throw e;
  }
  throw new Error('expected a FreezeWorkflowError');
}

describe('freeze workflow', () => {
  it('moves forward through approval, the request and the reply, recording each step’s facts', () => {
    const r = walk([
      { to: 'approved' },
      sent,
      frozen,
      { to: 'released', date: '2026-12-01', reason: 'постановление суда' },
    ]);
    expect(r.status).toBe('released');
    expect(r.request).toEqual({ date: '2026-11-20', outgoingNumber: '3-15/1204' });
    expect(r.frozen).toEqual({ amountMinor: 1_100_000_00, date: '2026-11-22', replyNumber: 'ОТ-889' });
    expect(r.history.map((h) => h.status)).toEqual([
      'proposed',
      'approved',
      'request-sent',
      'frozen',
      'released',
    ]);
    expect(r.history[3]).toEqual({
      status: 'frozen',
      at: 102,
      actor: 'Ахметов',
      details: { amountMinor: 1_100_000_00, date: '2026-11-22', replyNumber: 'ОТ-889' },
    });
  });

  it('never goes back or skips a step', () => {
    expect(error(() => walk([sent])).code).toBe('order');
    const done = walk([
      { to: 'approved' },
      sent,
      { to: 'refused', reason: 'счёт закрыт', date: '2026-11-21' },
    ]);
    expect(error(() => applyStep(done, frozen, 'x', 1)).message).toContain('refused cannot become frozen');
    expect(error(() => applyStep(walk([{ to: 'approved' }]), { to: 'approved' }, 'x', 1)).code).toBe('order');
  });

  it('demands the facts of each step and dates in order', () => {
    const approved = walk([{ to: 'approved' }]);
    expect(
      error(() => applyStep(approved, { ...sent, outgoingNumber: '  ' } as FreezeStep, 'x', 1)).field,
    ).toBe('outgoingNumber');
    expect(error(() => applyStep(approved, { ...sent, date: '20.11.2026' } as FreezeStep, 'x', 1)).code).toBe(
      'date',
    );
    const requested = applyStep(approved, sent, 'x', 1);
    expect(
      error(() => applyStep(requested, { ...frozen, date: '2026-11-19' } as FreezeStep, 'x', 1)).message,
    ).toContain('before the previous step');
    expect(error(() => applyStep(requested, { ...frozen, amountMinor: -1 } as FreezeStep, 'x', 1)).code).toBe(
      'amount',
    );
  });

  it('never changes the request it was given', () => {
    const start = requestFixture();
    const copy = structuredClone(start);
    walk([{ to: 'approved' }, sent], start);
    expect(start).toEqual(copy);
  });
});

describe('editing a proposed request', () => {
  it('takes a manual amount only with a reason, and clears the reason when back to the traced amount', () => {
    expect(error(() => editRequest(requestFixture(), { amountMinor: 900_000_00 })).field).toBe(
      'amountReason',
    );
    const manual = editRequest(requestFixture(), {
      amountMinor: 900_000_00,
      amountReason: 'остаток по ответу банка',
    });
    expect(manual).toMatchObject({ amountMinor: 900_000_00, amountReason: 'остаток по ответу банка' });
    expect(editRequest(manual, { amountMinor: 1_250_000_00 }).amountReason).toBe('');
  });

  it('is refused once the request is approved', () => {
    const approved = walk([{ to: 'approved' }]);
    expect(error(() => editRequest(approved, { legalBasis: 'другое' })).code).toBe('locked');
  });
});
