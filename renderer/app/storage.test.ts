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
});
