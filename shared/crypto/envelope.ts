/**
 * Record payloads: version byte | 12-byte random IV | AES-256-GCM ciphertext and 16-byte tag.
 * The AAD names the record (table and primary key, see recordAad), so an encrypted value copied
 * to another row or table fails authentication instead of silently showing the wrong data.
 */
import { TamperedRecordError } from './errors';
import type { CaseKeys } from './keyring';
import { asBytes, randomBytes, subtle, utf8 } from './webcrypto';

export const ENVELOPE_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES;

/**
 * The canonical AAD for a stored record. JSON keeps it unambiguous for any table name and for
 * compound keys (e.g. ['source-sha', 3]); use the same call when writing and reading.
 */
export function recordAad(table: string, primaryKey: string | number | readonly (string | number)[]): string {
  return JSON.stringify([table, primaryKey]);
}

/** The version byte is authenticated too, so a future format cannot be confused with this one. */
const additionalData = (aad: string) => {
  const text = utf8(aad);
  const out = new Uint8Array(1 + text.length);
  out[0] = ENVELOPE_VERSION;
  out.set(text, 1);
  return out;
};

export async function encryptRecord(keys: CaseKeys, aad: string, payload: Uint8Array): Promise<Uint8Array> {
  // Random 96-bit IVs are safe for up to 2^32 messages per key (NIST SP 800-38D); a case writes
  // far fewer records than that, since transactions are stored in blocks of 10,000 rows.
  const iv = randomBytes(IV_BYTES);
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(aad) },
    keys.dataKey,
    asBytes(payload),
  );
  // An exact-size buffer: IndexedDB stores a view's whole underlying buffer.
  const out = new Uint8Array(HEADER_BYTES + sealed.byteLength);
  out[0] = ENVELOPE_VERSION;
  out.set(iv, 1);
  out.set(new Uint8Array(sealed), HEADER_BYTES);
  return out;
}

/** Throws TamperedRecordError for any altered byte, wrong AAD or unknown version. */
export async function decryptRecord(keys: CaseKeys, aad: string, bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length < HEADER_BYTES + TAG_BYTES) throw new TamperedRecordError(aad, 'format');
  if (bytes[0] !== ENVELOPE_VERSION) throw new TamperedRecordError(aad, 'version');
  const dataKey = keys.dataKey; // outside the try: a locked case is not tampering
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: asBytes(bytes.subarray(1, HEADER_BYTES)), additionalData: additionalData(aad) },
      dataKey,
      asBytes(bytes.subarray(HEADER_BYTES)),
    );
    return new Uint8Array(plain);
  } catch {
    throw new TamperedRecordError(aad, 'authentication');
  }
}

/** Read by decryptJson; JSON written elsewhere as UTF-8 (json-slices.ts) goes to encryptRecord. */
export const encryptJson = (keys: CaseKeys, aad: string, value: unknown): Promise<Uint8Array> =>
  encryptRecord(keys, aad, utf8(JSON.stringify(value)));

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Returns the parsed value unvalidated: callers check its shape (e.g. with zod) as for any input. */
export async function decryptJson(keys: CaseKeys, aad: string, bytes: Uint8Array): Promise<unknown> {
  return JSON.parse(decoder.decode(await decryptRecord(keys, aad, bytes))) as unknown;
}
