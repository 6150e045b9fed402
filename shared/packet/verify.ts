/**
 * verifyPacket: ZIP bytes → OK with the signer's fingerprint, or every altered, added and missing
 * file. A valid signature only proves *someone* signed; the caller compares the returned
 * fingerprint with the one it expects (a swapped, re-signed manifest shows a different signer).
 */
import { strFromU8, unzipSync } from 'fflate';
import { hexToBytes } from '@noble/hashes/utils.js';
import { fingerprint, MANIFEST_FILE, PACKET_FORMAT, sha256Hex, type SignedManifest } from './manifest';
import { checkSignature } from './sign';
import { canonicalZip } from './zip';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export type VerifyResult =
  | { ok: true; fingerprint: string }
  | {
      ok: false;
      altered: string[];
      added: string[];
      missing: string[];
      badSignature: boolean;
      /**
       * Every file is as signed, but the ZIP around them was rewritten (a header, a timestamp, the
       * order): not the packet as signed, though what it contains is intact.
       */
      containerChanged?: boolean;
      /** Signer fingerprint when the manifest could be read, else null. */
      fingerprint: string | null;
      message: string;
    };

function fail(message: string): VerifyResult {
  return { ok: false, altered: [], added: [], missing: [], badSignature: true, fingerprint: null, message };
}

function parseManifest(bytes: Uint8Array): SignedManifest | null {
  try {
    const m = JSON.parse(strFromU8(bytes)) as SignedManifest;
    const filesOk =
      Array.isArray(m.files) &&
      m.files.every(
        (f) => typeof f.path === 'string' && typeof f.size === 'number' && typeof f.sha256 === 'string',
      );
    if (
      m.format !== PACKET_FORMAT ||
      typeof m.publicKey !== 'string' ||
      typeof m.signature !== 'string' ||
      !filesOk
    )
      return null;
    hexToBytes(m.publicKey);
    return m;
  } catch {
    return null;
  }
}

export function verifyPacket(zipBytes: Uint8Array): VerifyResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes);
  } catch (e) {
    return fail(`not a readable ZIP: ${(e as Error).message}`);
  }
  const raw = files[MANIFEST_FILE];
  if (!raw) return fail(`${MANIFEST_FILE} is missing`);
  const manifest = parseManifest(raw);
  if (!manifest) return fail(`${MANIFEST_FILE} is not a packet manifest`);

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const altered: string[] = [];
  const missing: string[] = [];
  for (const f of manifest.files) {
    const bytes = files[f.path];
    if (!bytes) missing.push(f.path);
    else if (bytes.length !== f.size || sha256Hex(bytes) !== f.sha256) altered.push(f.path);
  }
  const added = Object.keys(files)
    .filter((p) => p !== MANIFEST_FILE && !listed.has(p) && !p.endsWith('/'))
    .sort();
  const badSignature = !checkSignature(manifest);
  const signer = fingerprint(hexToBytes(manifest.publicKey));
  if (!badSignature && altered.length + added.length + missing.length === 0) {
    const { [MANIFEST_FILE]: _manifest, ...rest } = files;
    if (sameBytes(canonicalZip(rest, raw), zipBytes)) return { ok: true, fingerprint: signer };
    return {
      ok: false,
      altered: [],
      added: [],
      missing: [],
      badSignature: false,
      containerChanged: true,
      fingerprint: signer,
      message:
        'the ZIP was rewritten after signing: every file still matches the manifest, but the archive is not the one signed',
    };
  }

  const parts = [
    badSignature ? 'manifest signature does not match' : '',
    altered.length ? `altered: ${altered.join(', ')}` : '',
    added.length ? `added: ${added.join(', ')}` : '',
    missing.length ? `missing: ${missing.join(', ')}` : '',
  ].filter(Boolean);
  return { ok: false, altered, added, missing, badSignature, fingerprint: signer, message: parts.join('; ') };
}
