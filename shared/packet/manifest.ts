/**
 * The packet manifest: every file in the packet with its size and SHA-256, plus the signer's
 * public key. The signature covers the canonical text of everything except the signature itself,
 * so changing any listed hash, the file list or the key breaks it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export const MANIFEST_FILE = 'manifest.json';
export const PACKET_FORMAT = 'moneytrail-seizure-packet';
export const PACKET_VERSION = 1;

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface ManifestBody {
  format: typeof PACKET_FORMAT;
  version: typeof PACKET_VERSION;
  /** Ed25519 public key, hex. */
  publicKey: string;
  /** Sorted by path. */
  files: ManifestFile[];
}

export interface SignedManifest extends ManifestBody {
  /** Ed25519 signature of `canonicalBody(body)`, hex. */
  signature: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export function listFiles(files: Record<string, Uint8Array>): ManifestFile[] {
  return Object.keys(files)
    .filter((path) => path !== MANIFEST_FILE)
    .sort()
    .map((path) => {
      const bytes = files[path] as Uint8Array;
      return { path, size: bytes.length, sha256: sha256Hex(bytes) };
    });
}

/** Fixed key order so the signed text is the same in every runtime. */
export function canonicalBody(body: ManifestBody): Uint8Array {
  const text = JSON.stringify({
    format: body.format,
    version: body.version,
    publicKey: body.publicKey,
    files: body.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
  });
  return new TextEncoder().encode(text);
}

/** Short readable fingerprint: first 16 bytes of SHA-256 of the key, hex in groups of 4. */
export function fingerprint(publicKey: Uint8Array): string {
  const hex = sha256Hex(publicKey).slice(0, 32).toUpperCase();
  return (hex.match(/.{4}/g) ?? []).join(' ');
}
