/**
 * Each case has one random 256-bit data key (DEK). It is stored only wrapped under the KEK derived
 * from the passphrase, so changing the passphrase rewraps 48 bytes instead of re-encrypting the
 * case. The working keys are derived from the DEK with HKDF and are non-extractable.
 */
import { CaseLockedError, KeyMismatchError, TamperedRecordError, WrongPassphraseError } from './errors';
import { checkKdfParams, deriveKeyEncryptionKey, newKdfParams, type KdfParams } from './kdf';
import {
  equalBytes,
  fromBase64,
  randomBytes,
  subtle,
  toBase64,
  toBase64Url,
  utf8,
  wipe,
  type Bytes,
  type CryptoKeyHandle,
} from './webcrypto';

const DEK_BYTES = 32;
const IV_BYTES = 12;

/** JSON-safe; stored in the clear beside the case (IndexedDB) and in encrypted case files. */
export interface WrappedKey {
  format: 'moneytrail-wrapped-key';
  version: 1;
  kdf: KdfParams;
  /** Base64 AES-GCM IV (12 bytes). */
  iv: string;
  /** Base64 AES-GCM ciphertext and tag of the DEK (32 + 16 bytes). */
  ciphertext: string;
  /** Base64 key check value (16 bytes, from the KEK): a wrong passphrase fails here. */
  check: string;
  /** Base64url, 16 bytes derived from the DEK: names the key; the same across rewraps. */
  keyId: string;
}

export interface CaseKeys {
  readonly keyId: string;
  /** AES-256-GCM for record payloads; throws CaseLockedError after dispose(). */
  readonly dataKey: CryptoKeyHandle;
  /** HMAC-SHA256 for index keys; throws CaseLockedError after dispose(). */
  readonly indexKey: CryptoKeyHandle;
  readonly disposed: boolean;
  /**
   * Drops every reference this object holds. JS cannot zero a CryptoKey's memory: the key bytes
   * live inside the crypto implementation until garbage collection reclaims them. What locking
   * guarantees is that no code path can use the keys any more.
   */
  dispose(): void;
}

/**
 * Rewrap and keychain export need the DEK bytes again, but CaseKeys must not hold them in the
 * clear. So the DEK is kept sealed under a random per-session key that never leaves WebCrypto.
 */
interface Sealed {
  sessionKey: CryptoKeyHandle;
  iv: Bytes;
  sealed: ArrayBuffer;
}
const sealedDeks = new WeakMap<CaseKeys, Sealed>();

class OpenCaseKeys implements CaseKeys {
  #dataKey: CryptoKeyHandle | undefined;
  #indexKey: CryptoKeyHandle | undefined;
  constructor(
    readonly keyId: string,
    dataKey: CryptoKeyHandle,
    indexKey: CryptoKeyHandle,
  ) {
    this.#dataKey = dataKey;
    this.#indexKey = indexKey;
  }
  get dataKey(): CryptoKeyHandle {
    if (!this.#dataKey) throw new CaseLockedError();
    return this.#dataKey;
  }
  get indexKey(): CryptoKeyHandle {
    if (!this.#indexKey) throw new CaseLockedError();
    return this.#indexKey;
  }
  get disposed(): boolean {
    return this.#dataKey === undefined;
  }
  dispose(): void {
    this.#dataKey = undefined;
    this.#indexKey = undefined;
    sealedDeks.delete(this);
  }
}

/** Binds the wrapped DEK to its format and KDF parameters. */
const wrapAad = (kdf: KdfParams) =>
  utf8(JSON.stringify(['moneytrail-wrapped-key', 1, kdf.algorithm, kdf.iterations, kdf.salt]));

async function openKeys(dek: Bytes): Promise<CaseKeys> {
  const crypto = subtle();
  const ikm = await crypto.importKey('raw', dek, 'HKDF', false, ['deriveKey', 'deriveBits']);
  // Separate keys per purpose (HKDF info), so the MAC key is never the encryption key.
  const hkdf = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: utf8(info),
  });
  const [dataKey, indexKey, keyIdBits, sessionKey] = await Promise.all([
    crypto.deriveKey(hkdf('moneytrail/records/v1'), ikm, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    crypto.deriveKey(
      hkdf('moneytrail/index/v1'),
      ikm,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    ),
    crypto.deriveBits(hkdf('moneytrail/key-id/v1'), ikm, 128),
    crypto.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
  ]);
  const keys = new OpenCaseKeys(keyIdOf(keyIdBits), dataKey, indexKey);
  const iv = randomBytes(IV_BYTES);
  const sealed = await crypto.encrypt({ name: 'AES-GCM', iv }, sessionKey as CryptoKeyHandle, dek);
  sealedDeks.set(keys, { sessionKey: sessionKey as CryptoKeyHandle, iv, sealed });
  return keys;
}

const keyIdOf = (bits: ArrayBuffer) => toBase64Url(new Uint8Array(bits));

async function unsealDek(keys: CaseKeys): Promise<Bytes> {
  const sealed = sealedDeks.get(keys);
  if (!sealed || keys.disposed) throw new CaseLockedError();
  const { sessionKey, iv } = sealed;
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv }, sessionKey, sealed.sealed));
}

async function wrapDek(
  dek: Bytes,
  keyId: string,
  passphrase: string,
  iterations?: number,
): Promise<WrappedKey> {
  if (passphrase.length === 0) throw new Error('The passphrase must not be empty');
  const kdf = newKdfParams(iterations);
  const kek = await deriveKeyEncryptionKey(passphrase, kdf);
  const iv = randomBytes(IV_BYTES);
  const ciphertext = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: wrapAad(kdf) },
    kek.key,
    dek,
  );
  return {
    format: 'moneytrail-wrapped-key',
    version: 1,
    kdf,
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(ciphertext)),
    check: toBase64(kek.check),
    keyId,
  };
}

export interface KeyOptions {
  /** PBKDF2 iterations; defaults to PBKDF2_DEFAULT_ITERATIONS. Lower only in tests. */
  iterations?: number;
}

export async function createCaseKeys(
  passphrase: string,
  options: KeyOptions = {},
): Promise<{ wrapped: WrappedKey; keys: CaseKeys }> {
  const dek = randomBytes(DEK_BYTES);
  try {
    const keys = await openKeys(dek);
    return { wrapped: await wrapDek(dek, keys.keyId, passphrase, options.iterations), keys };
  } finally {
    wipe(dek);
  }
}

/** Validates a wrapped key read from storage; a malformed one is reported as tampering. */
export function checkWrappedKey(value: unknown): WrappedKey {
  const w = value as Partial<WrappedKey> | null;
  const strings = w && [w.iv, w.ciphertext, w.check, w.keyId].every((s) => typeof s === 'string');
  if (!w || typeof w !== 'object' || w.format !== 'moneytrail-wrapped-key' || !strings)
    throw new TamperedRecordError('wrapped-key', 'format');
  if (w.version !== 1) throw new TamperedRecordError('wrapped-key', 'version');
  try {
    return { ...(w as WrappedKey), kdf: checkKdfParams(w.kdf) };
  } catch {
    throw new TamperedRecordError('wrapped-key', 'format');
  }
}

/**
 * Passphrase → CaseKeys. A wrong passphrase is detected by the key check value before anything is
 * decrypted: WrongPassphraseError. A right check with a failing GCM tag means the wrapped key itself
 * was altered: TamperedRecordError.
 */
export async function unlockCaseKeys(passphrase: string, stored: WrappedKey): Promise<CaseKeys> {
  const wrapped = checkWrappedKey(stored);
  const kek = await deriveKeyEncryptionKey(passphrase, wrapped.kdf);
  let expected: Bytes;
  try {
    expected = fromBase64(wrapped.check);
  } catch {
    throw new TamperedRecordError('wrapped-key', 'format');
  }
  if (!equalBytes(kek.check, expected)) throw new WrongPassphraseError();
  let dek: Bytes;
  try {
    const iv = fromBase64(wrapped.iv);
    const additionalData = wrapAad(wrapped.kdf);
    dek = new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv, additionalData },
        kek.key,
        fromBase64(wrapped.ciphertext),
      ),
    );
  } catch {
    throw new TamperedRecordError('wrapped-key', 'authentication');
  }
  try {
    if (dek.length !== DEK_BYTES) throw new TamperedRecordError('wrapped-key', 'format');
    const keys = await openKeys(dek);
    if (keys.keyId !== wrapped.keyId) {
      keys.dispose();
      throw new TamperedRecordError('wrapped-key', 'authentication');
    }
    return keys;
  } finally {
    wipe(dek);
  }
}

/** Passphrase change (or raising the KDF cost): a new wrapped key for the same DEK; data untouched. */
export async function rewrapCaseKeys(
  keys: CaseKeys,
  newPassphrase: string,
  options: KeyOptions = {},
): Promise<WrappedKey> {
  const dek = await unsealDek(keys);
  try {
    return await wrapDek(dek, keys.keyId, newPassphrase, options.iterations);
  } finally {
    wipe(dek);
  }
}

/**
 * The DEK as base64, for the optional OS keychain (Electron safeStorage encrypts it). The
 * passphrase must always keep working: the keychain is a convenience, never the only copy.
 */
export async function exportKeyForKeychain(keys: CaseKeys): Promise<string> {
  const dek = await unsealDek(keys);
  try {
    return toBase64(dek);
  } finally {
    wipe(dek);
  }
}

/** Unlock with a secret from exportKeyForKeychain; KeyMismatchError if it is another case's key. */
export async function unlockCaseKeysWithKeychainSecret(
  secret: string,
  stored: WrappedKey,
): Promise<CaseKeys> {
  const wrapped = checkWrappedKey(stored);
  let dek: Bytes;
  try {
    dek = fromBase64(secret);
  } catch {
    throw new KeyMismatchError();
  }
  try {
    if (dek.length !== DEK_BYTES) throw new KeyMismatchError();
    const keys = await openKeys(dek);
    if (keys.keyId !== wrapped.keyId) {
      keys.dispose();
      throw new KeyMismatchError();
    }
    return keys;
  } finally {
    wipe(dek);
  }
}

/**
 * What a worker needs to read and write an unlocked case: the working keys themselves. CryptoKey
 * is structured-cloneable even when non-extractable, so this crosses `postMessage` as it is and no
 * key byte ever reaches JS. It carries no DEK: a worker cannot rewrap or export for the keychain.
 * Never store it (IndexedDB would persist the keys, see docs/encryption.md).
 */
export interface PortableCaseKeys {
  keyId: string;
  dataKey: CryptoKeyHandle;
  indexKey: CryptoKeyHandle;
}

/** The keys to post to a worker; CaseLockedError once the case is locked. */
export function portableKeys(keys: CaseKeys): PortableCaseKeys {
  return { keyId: keys.keyId, dataKey: keys.dataKey, indexKey: keys.indexKey };
}

/** The worker side of portableKeys: CaseKeys that can encrypt, decrypt and index, nothing more. */
export function keysFromPortable(portable: PortableCaseKeys): CaseKeys {
  const { keyId, dataKey, indexKey } = portable;
  const usable =
    typeof keyId === 'string' &&
    dataKey?.algorithm?.name === 'AES-GCM' &&
    indexKey?.algorithm?.name === 'HMAC' &&
    !dataKey.extractable &&
    !indexKey.extractable;
  if (!usable) throw new Error('Expected the non-extractable keys of an unlocked case');
  return new OpenCaseKeys(keyId, dataKey, indexKey);
}
