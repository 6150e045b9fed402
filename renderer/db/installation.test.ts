import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { OsKeychain } from '../host/keychain';
import { installationRepository, SigningKeyLostError } from './installation';
import { openCaseStore } from './schema';
import { rawSnapshot } from './test-support';

let counter = 0;
const now = () => 1_764_000_000_000;

function fakeKeychain() {
  const secrets = new Map<string, string>();
  const chain: OsKeychain = {
    store: async (id, secret) => void secrets.set(id, secret),
    load: async (id) => secrets.get(id) ?? null,
    forget: async (id) => void secrets.delete(id),
  };
  return { secrets, chain };
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('installation signing key', () => {
  it('is made once and then always the same (no keychain: kept in IndexedDB)', async () => {
    const name = `installation-${++counter}`;
    const db = openCaseStore(name);
    const repo = installationRepository(db, now);
    const [a, b] = await Promise.all([repo.signingKey(), repo.signingKey()]);
    expect(a.publicKey).toEqual(b.publicKey);
    expect((await repo.signingKey()).secretKey).toEqual(a.secretKey);
    expect(await db.installation.count()).toBe(1);
    db.close();
    // Without a keychain the secret is in IndexedDB (the check below would see it).
    expect(await rawSnapshot(name)).toContain(Array.from(a.secretKey).join(','));
  });

  it('with an OS keychain, keeps the secret there and only its id and the public key in IndexedDB', async () => {
    const name = `installation-${++counter}`;
    const db = openCaseStore(name);
    const { secrets, chain } = fakeKeychain();
    const repo = installationRepository(db, now, async () => chain);
    // Two windows at once: one key wins, the loser's secret is forgotten.
    const [a, b] = await Promise.all([repo.signingKey(), repo.signingKey()]);
    expect(a.secretKey).toEqual(b.secretKey);
    expect(ed25519.getPublicKey(a.secretKey)).toEqual(a.publicKey);
    expect([...secrets.keys()]).toEqual([`packet-signing-key-${hex(a.publicKey.subarray(0, 8))}`]);
    db.close();
    const snapshot = await rawSnapshot(name);
    expect(snapshot).toContain(Array.from(a.publicKey).join(','));
    expect(snapshot).not.toContain(Array.from(a.secretKey).join(','));
    const reopened = installationRepository(openCaseStore(name), now, async () => chain);
    expect((await reopened.signingKey()).secretKey).toEqual(a.secretKey);
  });

  it('moves a key kept in IndexedDB into the keychain, same key, same fingerprint', async () => {
    const name = `installation-${++counter}`;
    const before = await installationRepository(openCaseStore(name), now).signingKey();
    const { secrets, chain } = fakeKeychain();
    const db = openCaseStore(name);
    const after = await installationRepository(db, now, async () => chain).signingKey();
    expect(after).toEqual({ secretKey: before.secretKey, publicKey: before.publicKey });
    expect(secrets.size).toBe(1);
    expect((await db.installation.toArray())[0]?.value).not.toBeInstanceOf(Uint8Array);
    db.close();
  });

  it('says so when the keychain lost the key, rather than making another one silently', async () => {
    const db = openCaseStore(`installation-${++counter}`);
    const { secrets, chain } = fakeKeychain();
    const repo = installationRepository(db, now, async () => chain);
    await repo.signingKey();
    const publicKey = await repo.publicKey();
    secrets.clear();
    await expect(repo.signingKey()).rejects.toBeInstanceOf(SigningKeyLostError);
    // The fingerprint is still known: packets signed before can still be recognised as ours.
    expect(await repo.publicKey()).toEqual(publicKey);
    await expect(installationRepository(db, now).signingKey()).rejects.toBeInstanceOf(SigningKeyLostError);
    db.close();
  });
});
