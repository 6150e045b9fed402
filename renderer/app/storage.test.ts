import { describe, expect, it } from 'vitest';
import { isQuotaError } from './storage';

describe('isQuotaError', () => {
  it('recognises a full disk whether IndexedDB reports it directly or Dexie wraps it', () => {
    const direct = Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: direct });
    expect(isQuotaError(direct)).toBe(true);
    expect(isQuotaError(wrapped)).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('recognises it inside the failures of a bulk write or a modify (found by fault injection)', () => {
    const quota = Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    const bulk = Object.assign(new Error('transactionBlocks.bulkAdd(): 1 of 2 operations failed'), {
      name: 'BulkError',
      failures: [quota],
    });
    const modify = Object.assign(new Error('Error modifying one or more objects'), {
      name: 'ModifyError',
      failures: [new Error('other'), quota],
    });
    expect(isQuotaError(bulk)).toBe(true);
    expect(isQuotaError(modify)).toBe(true);
    expect(isQuotaError(Object.assign(new Error('x'), { failures: [new Error('other')] }))).toBe(false);
  });
});
