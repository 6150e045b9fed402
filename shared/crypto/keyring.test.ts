import { afterEach, describe, expect, it, vi } from 'vitest';
import { decryptRecord, encryptRecord, recordAad } from './envelope';
import { CaseLockedError, KeyMismatchError, TamperedRecordError, WrongPassphraseError } from './errors';
import { identifierIndexKey } from './index-keys';
import { PBKDF2_DEFAULT_ITERATIONS } from './kdf';
import {
  createCaseKeys,
  exportKeyForKeychain,
  keysFromPortable,
  portableKeys,
  rewrapCaseKeys,
  unlockCaseKeys,
  unlockCaseKeysWithKeychainSecret,
  type WrappedKey,
} from './keyring';
import { FAST, newCase } from './test-keys';
import { fromBase64, toBase64 } from './webcrypto';

const payload = new TextEncoder().encode('Перевод на карту 4400 43** **** 1234');
const aad = recordAad('sources', 'ab12');

const flipBit = (base64: string, byte = 0) => {
  const bytes = fromBase64(base64);
  bytes[byte]! ^= 1;
  return toBase64(bytes);
};

afterEach(() => vi.restoreAllMocks());

describe('case keys', () => {
  it('unlock with the passphrase and read what the created keys wrote', async () => {
    const { wrapped, keys } = await newCase();
    const record = await encryptRecord(keys, aad, payload);
    // Stored as JSON: what comes back from IndexedDB or a case file.
    const unlocked = await unlockCaseKeys(
      'correct horse battery staple',
      JSON.parse(JSON.stringify(wrapped)),
    );
    expect(unlocked.keyId).toBe(keys.keyId);
    expect(await decryptRecord(unlocked, aad, record)).toEqual(payload);
  });

  it('hold only non-extractable keys for their own purposes', async () => {
    const { wrapped, keys } = await newCase();
    expect(keys.dataKey.extractable).toBe(false);
    expect(keys.indexKey.extractable).toBe(false);
    expect([...keys.dataKey.usages].sort()).toEqual(['decrypt', 'encrypt']);
    expect([...keys.indexKey.usages]).toEqual(['sign']);
    expect(Object.keys(wrapped).sort()).toEqual([
      'check',
      'ciphertext',
      'format',
      'iv',
      'kdf',
      'keyId',
      'version',
    ]);
    expect(fromBase64(wrapped.ciphertext)).toHaveLength(48);
  });

  it('use the OWASP default iteration count unless told otherwise', async () => {
    const { wrapped } = await createCaseKeys('long enough passphrase');
    expect(wrapped.kdf.iterations).toBe(PBKDF2_DEFAULT_ITERATIONS);
    await expect(unlockCaseKeys('long enough passphrase', wrapped)).resolves.toBeDefined();
  });

  it('refuse a wrong passphrase with WrongPassphraseError, without decrypting or changing anything', async () => {
    const { wrapped } = await newCase();
    const before = structuredClone(wrapped);
    const decrypt = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
    const error = await unlockCaseKeys('correct horse battery stapler', wrapped).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect((error as Error).message).toMatch(/passphrase is not correct/);
    expect(decrypt).not.toHaveBeenCalled();
    expect(wrapped).toEqual(before);
  });

  it('accept the passphrase typed in NFD when it was set in NFC', async () => {
    const passphrase = 'Қазақстан йошкар-ола ёж'.normalize('NFC');
    const { wrapped } = await createCaseKeys(passphrase, FAST);
    await expect(unlockCaseKeys(passphrase.normalize('NFD'), wrapped)).resolves.toBeDefined();
  });

  it('report a damaged wrapped key as tampering, not as a wrong passphrase', async () => {
    const { wrapped } = await newCase();
    const unlock = (w: unknown) => unlockCaseKeys('correct horse battery staple', w as WrappedKey);
    for (const damaged of [
      { ...wrapped, ciphertext: flipBit(wrapped.ciphertext) },
      { ...wrapped, ciphertext: flipBit(wrapped.ciphertext, 47) },
      { ...wrapped, iv: flipBit(wrapped.iv) },
      { ...wrapped, keyId: 'AAAAAAAAAAAAAAAAAAAAAA' },
    ]) {
      await expect(unlock(damaged)).rejects.toMatchObject({
        subject: 'wrapped-key',
        reason: 'authentication',
      });
    }
    await expect(unlock({ ...wrapped, version: 2 })).rejects.toMatchObject({ reason: 'version' });
    await expect(unlock({ ...wrapped, kdf: { ...wrapped.kdf, salt: '' } })).rejects.toBeInstanceOf(
      TamperedRecordError,
    );
    await expect(unlock({ format: 'zip' })).rejects.toMatchObject({ reason: 'format' });
    // Lowered iterations give another KEK: indistinguishable from a wrong passphrase, and harmless.
    await expect(unlock({ ...wrapped, kdf: { ...wrapped.kdf, iterations: 999 } })).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('rewrap under a new passphrase: old records stay readable, the old passphrase stops working', async () => {
    const { wrapped, keys } = await newCase();
    const record = await encryptRecord(keys, aad, payload);
    const rewrapped = await rewrapCaseKeys(keys, 'a brand new passphrase', FAST);
    expect(rewrapped.keyId).toBe(wrapped.keyId);
    expect(rewrapped.kdf.salt).not.toBe(wrapped.kdf.salt);
    const unlocked = await unlockCaseKeys('a brand new passphrase', rewrapped);
    expect(await decryptRecord(unlocked, aad, record)).toEqual(payload);
    await expect(unlockCaseKeys('correct horse battery staple', rewrapped)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    // Rewrapping from unlocked (not freshly created) keys works too, e.g. to raise the iterations.
    const raised = await rewrapCaseKeys(unlocked, 'a brand new passphrase', { iterations: 2_000 });
    expect(raised.kdf.iterations).toBe(2_000);
    expect(await decryptRecord(await unlockCaseKeys('a brand new passphrase', raised), aad, record)).toEqual(
      payload,
    );
  });

  it('refuse an empty passphrase', async () => {
    await expect(createCaseKeys('', FAST)).rejects.toThrow(/empty/);
  });

  it('drop the keys on dispose: every later use is CaseLockedError', async () => {
    const { keys } = await newCase();
    const record = await encryptRecord(keys, aad, payload);
    keys.dispose();
    expect(keys.disposed).toBe(true);
    expect(() => keys.dataKey).toThrow(CaseLockedError);
    expect(() => keys.indexKey).toThrow(CaseLockedError);
    await expect(decryptRecord(keys, aad, record)).rejects.toBeInstanceOf(CaseLockedError);
    await expect(encryptRecord(keys, aad, payload)).rejects.toBeInstanceOf(CaseLockedError);
    await expect(rewrapCaseKeys(keys, 'new passphrase', FAST)).rejects.toBeInstanceOf(CaseLockedError);
    await expect(exportKeyForKeychain(keys)).rejects.toBeInstanceOf(CaseLockedError);
  });

  it('unlock from a keychain secret of the same case only', async () => {
    const { wrapped, keys } = await newCase();
    const other = await newCase();
    const record = await encryptRecord(keys, aad, payload);
    const secret = await exportKeyForKeychain(keys);
    const unlocked = await unlockCaseKeysWithKeychainSecret(secret, wrapped);
    expect(await decryptRecord(unlocked, aad, record)).toEqual(payload);
    const foreign = await exportKeyForKeychain(other.keys);
    await expect(unlockCaseKeysWithKeychainSecret(foreign, wrapped)).rejects.toBeInstanceOf(KeyMismatchError);
    await expect(unlockCaseKeysWithKeychainSecret('not base64!', wrapped)).rejects.toBeInstanceOf(
      KeyMismatchError,
    );
    await expect(unlockCaseKeysWithKeychainSecret('AAAA', wrapped)).rejects.toBeInstanceOf(KeyMismatchError);
  });
});

describe('keys for a worker', () => {
  it('cross a structured clone (postMessage) and read and index what the original keys wrote', async () => {
    const { keys } = await newCase();
    const record = await encryptRecord(keys, aad, payload);
    const cloned = structuredClone(portableKeys(keys));
    const inWorker = keysFromPortable(cloned);
    expect(inWorker.keyId).toBe(keys.keyId);
    expect(await decryptRecord(inWorker, aad, record)).toEqual(payload);
    expect(await identifierIndexKey(inWorker, 'card', '4400430012345678')).toBe(
      await identifierIndexKey(keys, 'card', '4400430012345678'),
    );
    // No DEK travels with them: a worker cannot rewrap or hand the key to the keychain.
    await expect(rewrapCaseKeys(inWorker, 'another passphrase', FAST)).rejects.toBeInstanceOf(
      CaseLockedError,
    );
    await expect(exportKeyForKeychain(inWorker)).rejects.toBeInstanceOf(CaseLockedError);
  });

  it('are refused once the case is locked, and when they are not a case’s keys', async () => {
    const { keys } = await newCase();
    const portable = portableKeys(keys);
    keys.dispose();
    expect(() => portableKeys(keys)).toThrow(CaseLockedError);
    expect(() => keysFromPortable({ ...portable, dataKey: portable.indexKey })).toThrow(/non-extractable/);
  });
});
