import { generateSigningKey, type SigningKey } from '../../shared/packet/sign';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { CaseStore } from './schema';

const SIGNING_KEY = 'packet-signing-key';

/**
 * The Ed25519 key this installation signs seizure packets with, made on first use. Two windows
 * asking at once must not make two keys: the check and the write are one transaction, and a
 * key is never replaced once made (recipients compare its fingerprint).
 */
export function installationRepository(db: CaseStore, now: () => number = Date.now) {
  return {
    async signingKey(): Promise<SigningKey> {
      const fresh = generateSigningKey(crypto.getRandomValues(new Uint8Array(32)));
      const secretKey = await db.transaction('rw', db.installation, async () => {
        const stored = await db.installation.get(SIGNING_KEY);
        if (stored) return stored.value;
        await db.installation.add({ name: SIGNING_KEY, value: fresh.secretKey, createdAt: now() });
        return fresh.secretKey;
      });
      return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
    },
  };
}
