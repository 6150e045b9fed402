/**
 * Helpers for the property tests: a seeded PRNG (mulberry32) so failures reproduce, and a small
 * bank table fixture. Not exported from index.ts.
 */
import { createBankDirectory, type BankDirectory } from './banks';
import { mulberry32 } from '../random/mulberry32';

export const prng = mulberry32;

export function randomInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

export function randomDigits(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(randomInt(rand, 0, 9));
  return s;
}

/** Appends the Luhn check digit to a payload. */
export function withLuhn(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload.charAt(payload.length - 1 - i));
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return payload + String((10 - (sum % 10)) % 10);
}

export function fixtureBanks(): BankDirectory {
  return createBankDirectory(
    {
      source: 'test fixture',
      date: '2026-11-25',
      banks: [
        {
          id: 'kaspi',
          name: { ru: 'Kaspi Bank', en: 'Kaspi Bank' },
          bic: 'CASPKZKA',
          binPrefixes: [{ prefix: '440043', confidence: 'reported' }],
        },
        {
          id: 'halyk',
          name: { ru: 'Halyk Bank', en: 'Halyk Bank' },
          bic: 'HSBKKZKX',
          binPrefixes: [
            { prefix: '5555', confidence: 'unverified' },
            { prefix: '55555555', confidence: 'verified' },
          ],
        },
      ],
    },
    {
      source: 'test fixture',
      date: '2026-11-25',
      codes: [
        { code: '722', bankId: 'kaspi', confidence: 'reported' },
        { code: '125', bankId: null, confidence: 'example' },
      ],
    },
  );
}
