/**
 * Keys IndexedDB can index without holding identifiers in the clear: HMAC-SHA256 under the case's
 * index key, truncated to 128 bits, base64url (22 characters). Keyed, not a plain hash: card
 * numbers, phones and IINs have so little entropy that an unkeyed hash is reversed by enumeration.
 * Equal inputs give equal keys within a case; another case (another data key) gives unrelated keys.
 */
import type { CaseKeys } from './keyring';
import { subtle, toBase64Url, utf8 } from './webcrypto';

const TRUNCATED_BYTES = 16;
/** No ':' allowed in a kind, so `kind:value` is unambiguous for every value. */
const KIND = /^[a-z][a-z0-9-]*$/;

/**
 * `value` must already be the canonical form the identifier code produces (e.g. digits only for a
 * card): the MAC is exact equality. It is NFC-normalized so composed and decomposed text match.
 */
export async function identifierIndexKey(keys: CaseKeys, kind: string, value: string): Promise<string> {
  if (!KIND.test(kind)) throw new Error(`Invalid identifier kind ${JSON.stringify(kind)}`);
  const mac = await subtle().sign('HMAC', keys.indexKey, utf8(`${kind}:${value.normalize('NFC')}`));
  return toBase64Url(new Uint8Array(mac, 0, TRUNCATED_BYTES));
}

/**
 * Many at once. WebCrypto is asynchronous (~7 µs per HMAC in Chromium, ~20 µs in Node), so the
 * calls are issued together, and each distinct input is computed once: statements repeat the
 * same few counterparties' cards and phones on thousands of rows.
 */
export async function identifierIndexKeys(
  keys: CaseKeys,
  items: readonly { kind: string; value: string }[],
): Promise<string[]> {
  const pending = new Map<string, Promise<string>>();
  const results = items.map(({ kind, value }) => {
    const id = `${kind}\u0000${value}`;
    let result = pending.get(id);
    if (!result) pending.set(id, (result = identifierIndexKey(keys, kind, value)));
    return result;
  });
  return Promise.all(results);
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * The index key for an imported file's SHA-256 (duplicate-import detection). The raw hash is not
 * kept in the clear: whoever holds a statement (the account holder, the bank) could otherwise
 * confirm that this case contains it. See docs/encryption.md.
 */
export function fileIndexKey(keys: CaseKeys, sha256Hex: string): Promise<string> {
  if (!SHA256_HEX.test(sha256Hex)) throw new Error('Expected a hex SHA-256');
  return identifierIndexKey(keys, 'file-sha256', sha256Hex.toLowerCase());
}
