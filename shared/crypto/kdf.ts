/**
 * Passphrase → key-encryption key (KEK). PBKDF2-SHA256 through WebCrypto: it is native in every
 * host (Argon2id would need WASM or ~10× slower pure JS). The parameters are stored beside the
 * wrapped key, so raising them later is a rewrap, not a data migration.
 */
import {
  fromBase64,
  randomBytes,
  subtle,
  toBase64,
  utf8,
  wipe,
  type Bytes,
  type CryptoKeyHandle,
} from './webcrypto';

/** OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA256 with 600,000 iterations. */
export const PBKDF2_DEFAULT_ITERATIONS = 600_000;
/** Refuse absurd stored values: a damaged or hostile file must not hang the unlock for hours. */
const MAX_ITERATIONS = 50_000_000;
const SALT_BYTES = 16;

/** Versioned by `algorithm`: a future Argon2id variant is another member of this union. */
export interface Pbkdf2Params {
  algorithm: 'pbkdf2-sha256';
  iterations: number;
  /** Base64, 16 random bytes, unique per wrapped key. */
  salt: string;
}
export type KdfParams = Pbkdf2Params;

export interface KeyEncryptionKey {
  /** AES-256-GCM, non-extractable, encrypt/decrypt: wraps the case data key. */
  key: CryptoKeyHandle;
  /** 16 bytes stored in the clear to tell a wrong passphrase from a damaged wrapped key. */
  check: Bytes;
}

export function newKdfParams(iterations: number = PBKDF2_DEFAULT_ITERATIONS): KdfParams {
  return checkKdfParams({ algorithm: 'pbkdf2-sha256', iterations, salt: toBase64(randomBytes(SALT_BYTES)) });
}

/** True when the stored parameters are below today's default, so unlock should rewrap. */
export const kdfNeedsUpgrade = (params: KdfParams): boolean => params.iterations < PBKDF2_DEFAULT_ITERATIONS;

/** Validates parameters read from storage (they are untrusted input). */
export function checkKdfParams(value: unknown): KdfParams {
  const params = value as Partial<Pbkdf2Params> | null;
  if (
    !params ||
    typeof params !== 'object' ||
    params.algorithm !== 'pbkdf2-sha256' ||
    !Number.isSafeInteger(params.iterations) ||
    (params.iterations as number) < 1 ||
    (params.iterations as number) > MAX_ITERATIONS ||
    typeof params.salt !== 'string'
  )
    throw new Error('Unsupported or malformed key-derivation parameters');
  let salt: Bytes;
  try {
    salt = fromBase64(params.salt);
  } catch {
    throw new Error('Malformed key-derivation salt');
  }
  if (salt.length < SALT_BYTES) throw new Error('Key-derivation salt is too short');
  return { algorithm: params.algorithm, iterations: params.iterations as number, salt: params.salt };
}

/**
 * NFC (as RFC 8265's OpaqueString profile does): the same passphrase typed on a macOS, Windows or
 * Linux keyboard layout for Russian or Kazakh (й, ё, ә, қ …) may arrive precomposed or decomposed;
 * both must give the same bytes. Nothing else is changed: no trimming, no case folding.
 */
export const normalizePassphrase = (passphrase: string): Bytes => utf8(passphrase.normalize('NFC'));

/**
 * What the derived key is for. HKDF's `info` keeps the two apart: the same passphrase used for a
 * case on this computer and for a case file it exported yields unrelated keys.
 */
export type KeyPurpose = 'case-key' | 'case-file';
const HKDF_INFO: Record<KeyPurpose, { key: string; check: string }> = {
  'case-key': { key: 'moneytrail/kek/v1', check: 'moneytrail/key-check/v1' },
  'case-file': { key: 'moneytrail/case-file/v1', check: 'moneytrail/case-file-check/v1' },
};

export async function deriveKeyEncryptionKey(
  passphrase: string,
  params: KdfParams,
  purpose: KeyPurpose = 'case-key',
): Promise<KeyEncryptionKey> {
  const { iterations, salt } = checkKdfParams(params);
  const secret = normalizePassphrase(passphrase);
  const crypto = subtle();
  let stretched: ArrayBuffer | undefined;
  try {
    const base = await crypto.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
    // 256 bits = one PBKDF2 block. Asking for more would double the defender's cost but not an
    // attacker's, who can test a guess on the first block alone; HKDF splits it instead.
    stretched = await crypto.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
      base,
      256,
    );
    const ikm = await crypto.importKey('raw', stretched, 'HKDF', false, ['deriveKey', 'deriveBits']);
    const hkdf = (info: string) => ({
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: utf8(info),
    });
    const key = await crypto.deriveKey(
      hkdf(HKDF_INFO[purpose].key),
      ikm,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
    const check = new Uint8Array(await crypto.deriveBits(hkdf(HKDF_INFO[purpose].check), ikm, 128));
    return { key, check };
  } finally {
    wipe(secret);
    if (stretched) wipe(stretched);
  }
}
