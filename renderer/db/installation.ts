import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64, toBase64 } from '../../shared/crypto/webcrypto';
import { generateSigningKey, type SigningKey } from '../../shared/packet/sign';
import type { OsKeychain } from '../host/keychain';
import type { InstallationRecord } from './records';
import type { CaseStore } from './schema';

const SIGNING_KEY = 'packet-signing-key';

export class SigningKeyLostError extends Error {
  constructor() {
    super(
      'The packet-signing key of this installation is no longer in the OS keychain (was the keychain reset, or the profile copied to another computer?). Packets cannot be signed with it any more.',
    );
    this.name = 'SigningKeyLostError';
  }
}

/**
 * The Ed25519 key this installation signs seizure packets with, made on first use. Two windows
 * asking at once must not make two keys: the check and the write are one transaction, and a
 * key is never replaced once made (recipients compare its fingerprint).
 *
 * Where the host has a real OS keychain the secret half is sealed by it and IndexedDB keeps only
 * where it is and the public half: a copied profile then carries no key that signs packets. The
 * keychain call cannot be inside an IndexedDB transaction, so each candidate key is stored under
 * an id of its own first, and the one whose record the transaction wrote is the key; a loser
 * forgets its secret. A key kept in IndexedDB before the keychain existed moves into it.
 */
export function installationRepository(
  db: CaseStore,
  now: () => number = Date.now,
  keychain: () => Promise<OsKeychain | null> = async () => null,
) {
  const claim = (value: InstallationRecord['value']) =>
    db.transaction('rw', db.installation, async () => {
      const stored = await db.installation.get(SIGNING_KEY);
      if (stored) return stored.value;
      await db.installation.add({ name: SIGNING_KEY, value, createdAt: now() });
      return value;
    });

  async function unsealed(value: InstallationRecord['value'], chain: OsKeychain | null): Promise<SigningKey> {
    if (value instanceof Uint8Array) return { secretKey: value, publicKey: ed25519.getPublicKey(value) };
    const secret = chain ? await chain.load(value.keychainId) : null;
    if (!secret) throw new SigningKeyLostError();
    return { secretKey: fromBase64(secret), publicKey: value.publicKey };
  }

  return {
    /** The public half (the fingerprint packets are checked against): no keychain unsealing. */
    async publicKey(): Promise<Uint8Array> {
      const stored = await db.installation.get(SIGNING_KEY);
      if (!stored) return (await this.signingKey()).publicKey;
      return stored.value instanceof Uint8Array ? ed25519.getPublicKey(stored.value) : stored.value.publicKey;
    },
    async signingKey(): Promise<SigningKey> {
      const chain = await keychain();
      const existing = await db.installation.get(SIGNING_KEY);
      if (existing) {
        // Moved, the key is still the one in hand: no need to read it back from the keychain.
        if (chain && existing.value instanceof Uint8Array) await moveIntoKeychain(existing.value, chain);
        return unsealed(existing.value, chain);
      }
      const fresh = generateSigningKey(crypto.getRandomValues(new Uint8Array(32)));
      if (!chain) return unsealed(await claim(fresh.secretKey), null);
      const keychainId = keychainIdOf(fresh.publicKey);
      await chain.store(keychainId, toBase64(fresh.secretKey));
      const won = await claim({ keychainId, publicKey: fresh.publicKey });
      if (won instanceof Uint8Array || won.keychainId !== keychainId) await chain.forget(keychainId);
      return unsealed(won, chain);
    },
  };

  async function moveIntoKeychain(secretKey: Uint8Array, chain: OsKeychain): Promise<void> {
    const publicKey = ed25519.getPublicKey(secretKey);
    const keychainId = keychainIdOf(publicKey);
    await chain.store(keychainId, toBase64(secretKey));
    // Only the same key is replaced by its keychain reference: a second window may have moved it.
    await db.transaction('rw', db.installation, async () => {
      const stored = await db.installation.get(SIGNING_KEY);
      if (stored && stored.value instanceof Uint8Array)
        await db.installation.put({ ...stored, value: { keychainId, publicKey } });
    });
  }
}

/** One id per key, so two windows racing to make the first key never overwrite each other's. */
function keychainIdOf(publicKey: Uint8Array): string {
  let hex = '';
  for (const byte of publicKey.subarray(0, 8)) hex += byte.toString(16).padStart(2, '0');
  return `packet-signing-key-${hex}`;
}
