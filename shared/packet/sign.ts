/** Ed25519 keys and manifest signing (@noble/curves: audited, pure JS, runs in workers and Node). */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import {
  canonicalBody,
  listFiles,
  PACKET_FORMAT,
  PACKET_VERSION,
  type ManifestBody,
  type SignedManifest,
} from './manifest';

export interface SigningKey {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/** A new installation key; pass `seed` (32 bytes) for deterministic tests. */
export function generateSigningKey(seed?: Uint8Array): SigningKey {
  const { secretKey, publicKey } = ed25519.keygen(seed);
  return { secretKey, publicKey };
}

export function signBody(body: ManifestBody, secretKey: Uint8Array): SignedManifest {
  const signature = bytesToHex(ed25519.sign(canonicalBody(body), secretKey));
  return { ...body, signature };
}

/** Lists and signs `files` (the manifest itself excluded). */
export function signManifest(files: Record<string, Uint8Array>, key: SigningKey): SignedManifest {
  const body: ManifestBody = {
    format: PACKET_FORMAT,
    version: PACKET_VERSION,
    publicKey: bytesToHex(key.publicKey),
    files: listFiles(files),
  };
  return signBody(body, key.secretKey);
}

export function checkSignature(manifest: SignedManifest): boolean {
  try {
    return ed25519.verify(
      hexToBytes(manifest.signature),
      canonicalBody(manifest),
      hexToBytes(manifest.publicKey),
    );
  } catch {
    return false;
  }
}
