import { describe, expect, it } from 'vitest';
import {
  PBKDF2_DEFAULT_ITERATIONS,
  checkKdfParams,
  deriveKeyEncryptionKey,
  kdfNeedsUpgrade,
  newKdfParams,
  normalizePassphrase,
} from './kdf';
import { fromBase64 } from './webcrypto';

const fast = 1_000;
// 'ёлка, йогурт, әже, қала' typed on a layout that sends decomposed characters.
const nfc = 'ёлка, йогурт, әже, қала'.normalize('NFC');
const nfd = nfc.normalize('NFD');

describe('key derivation', () => {
  it('defaults to at least OWASP 2023 PBKDF2-SHA256 iterations, with a fresh 16-byte salt', () => {
    expect(PBKDF2_DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const params = newKdfParams();
    expect(params).toMatchObject({ algorithm: 'pbkdf2-sha256', iterations: PBKDF2_DEFAULT_ITERATIONS });
    expect(fromBase64(params.salt)).toHaveLength(16);
    expect(newKdfParams().salt).not.toBe(params.salt);
    expect(kdfNeedsUpgrade(params)).toBe(false);
    expect(kdfNeedsUpgrade(newKdfParams(fast))).toBe(true);
  });

  it('normalizes the passphrase to NFC and changes nothing else', () => {
    expect(nfd).not.toBe(nfc);
    expect(normalizePassphrase(nfd)).toEqual(normalizePassphrase(nfc));
    expect(normalizePassphrase(' Pass ')).toEqual(new TextEncoder().encode(' Pass '));
  });

  it('gives the same key check for NFC and NFD input, and different ones for other passphrases or salts', async () => {
    const params = newKdfParams(fast);
    const a = await deriveKeyEncryptionKey(nfc, params);
    const b = await deriveKeyEncryptionKey(nfd, params);
    expect(a.check).toEqual(b.check);
    expect(a.key.extractable).toBe(false);
    expect((await deriveKeyEncryptionKey(nfc + '!', params)).check).not.toEqual(a.check);
    expect((await deriveKeyEncryptionKey(nfc, newKdfParams(fast))).check).not.toEqual(a.check);
  });

  it('refuses malformed or hostile stored parameters', () => {
    const good = newKdfParams(fast);
    expect(checkKdfParams(JSON.parse(JSON.stringify(good)))).toEqual(good);
    for (const bad of [
      null,
      'pbkdf2',
      { ...good, algorithm: 'argon2id' },
      { ...good, iterations: 0 },
      { ...good, iterations: 1.5 },
      { ...good, iterations: 1e12 },
      { ...good, salt: 'AAAA' },
      { ...good, salt: '%%%' },
      { algorithm: 'pbkdf2-sha256', iterations: fast },
    ]) {
      expect(() => checkKdfParams(bad)).toThrow();
    }
  });
});
