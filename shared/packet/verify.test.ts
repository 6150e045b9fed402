import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { fingerprint, MANIFEST_FILE, type SignedManifest } from './manifest';
import { generateSigningKey, signBody } from './sign';
import { verifyPacket } from './verify';
import { zipPacket } from './zip';

const seed = (n: number) => new Uint8Array(32).fill(n);
const key = generateSigningKey(seed(1));
const other = generateSigningKey(seed(2));

const files: Record<string, Uint8Array> = {
  'registry.xlsx': new Uint8Array([0x50, 0x4b, 3, 4, 0, 255, 17]),
  'evidence.json': strToU8('{"sources":[]}'),
  'evidence.md': strToU8('# Доказательства — қ ә ң\n'),
  'VERIFY.md': strToU8('moneytrail verify PACKET.zip\n'),
};

function without(entries: Record<string, Uint8Array>, path: string): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(entries).filter(([p]) => p !== path));
}

function rezip(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries);
}

describe('verifyPacket', () => {
  const packet = zipPacket(files, key);

  it('accepts an untouched packet and names the signer', () => {
    expect(verifyPacket(packet)).toEqual({ ok: true, fingerprint: fingerprint(key.publicKey) });
    expect(fingerprint(key.publicKey)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });

  it('is deterministic for the same inputs and key', () => {
    expect(zipPacket(files, key)).toEqual(packet);
  });

  it('detects every single-byte change of every file, the manifest included', () => {
    const entries = unzipSync(packet);
    for (const [path, bytes] of Object.entries(entries)) {
      for (let i = 0; i < bytes.length; i++) {
        const changed = bytes.slice();
        changed[i] = (changed[i] as number) ^ 0x01;
        const result = verifyPacket(rezip({ ...entries, [path]: changed }));
        expect(result.ok, `${path} byte ${i}`).toBe(false);
        if (path !== MANIFEST_FILE && !result.ok) expect(result.altered).toEqual([path]);
      }
    }
  });

  it('detects a removed file', () => {
    const result = verifyPacket(rezip(without(unzipSync(packet), 'evidence.json')));
    expect(result).toMatchObject({ ok: false, missing: ['evidence.json'], added: [], altered: [] });
  });

  it('detects an added file', () => {
    const entries = { ...unzipSync(packet), 'extra.txt': strToU8('x') };
    const result = verifyPacket(rezip(entries));
    expect(result).toMatchObject({ ok: false, added: ['extra.txt'], missing: [], altered: [] });
  });

  it('reports a missing or unreadable manifest', () => {
    expect(verifyPacket(rezip(without(unzipSync(packet), MANIFEST_FILE)))).toMatchObject({
      ok: false,
      badSignature: true,
    });
    expect(verifyPacket(strToU8('not a zip'))).toMatchObject({ ok: false });
  });

  it('a key swapped without re-signing breaks the signature', () => {
    const entries = unzipSync(packet);
    const m = JSON.parse(strFromU8(entries[MANIFEST_FILE] as Uint8Array)) as SignedManifest;
    const swapped = { ...m, publicKey: bytesToHex(other.publicKey) };
    const result = verifyPacket(rezip({ ...entries, [MANIFEST_FILE]: strToU8(JSON.stringify(swapped)) }));
    expect(result).toMatchObject({ ok: false, badSignature: true });
  });

  it('a key swapped and re-signed (forged packet) shows a different signer fingerprint', () => {
    // The forger edits a file, recomputes its hash, puts in their own key and re-signs: every
    // check inside the packet passes, so only the fingerprint tells the two signers apart.
    const entries = unzipSync(packet);
    const forged = without({ ...entries, 'evidence.json': strToU8('{"sources":["forged"]}') }, MANIFEST_FILE);
    const result = verifyPacket(zipPacket(forged, other));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.fingerprint).not.toBe(fingerprint(key.publicKey));

    // The same, keeping the original key but without its secret, cannot produce a valid signature.
    const m = JSON.parse(
      strFromU8(unzipSync(zipPacket(forged, other))[MANIFEST_FILE] as Uint8Array),
    ) as SignedManifest;
    const { signature: _unused, ...body } = m;
    const reSigned = signBody({ ...body, publicKey: bytesToHex(key.publicKey) }, other.secretKey);
    const mixed = verifyPacket(rezip({ ...forged, [MANIFEST_FILE]: strToU8(JSON.stringify(reSigned)) }));
    expect(mixed).toMatchObject({ ok: false, badSignature: true });
  });
});
