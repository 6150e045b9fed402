/** Deterministic packet ZIP: sorted entries, fixed timestamps, signed manifest added last. */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { MANIFEST_FILE } from './manifest';
import { signManifest, type SigningKey } from './sign';
import { fixZipTimes } from './zip-time';

/** 1980-01-02 UTC: the ZIP (DOS) epoch, so the same inputs give the same bytes. */
export const FIXED_ZIP_TIME = Date.UTC(1980, 0, 2);

export function zipPacket(files: Record<string, Uint8Array>, key: SigningKey): Uint8Array {
  const manifest = signManifest(files, key);
  return canonicalZip(files, strToU8(`${JSON.stringify(manifest, null, 2)}\n`));
}

/**
 * The one way a packet's files are zipped: sorted paths, the manifest last, fixed time and
 * compression. The verifier zips what it unpacked the same way and compares bytes, so a change to
 * the container alone (a header, a timestamp) is caught too, not only a change to a file.
 */
export function canonicalZip(files: Record<string, Uint8Array>, manifest: Uint8Array): Uint8Array {
  const entries: Zippable = {};
  for (const path of Object.keys(files).sort()) {
    if (path === MANIFEST_FILE) continue;
    entries[path] = [files[path] as Uint8Array, { mtime: FIXED_ZIP_TIME, level: 6 }];
  }
  entries[MANIFEST_FILE] = [manifest, { mtime: FIXED_ZIP_TIME, level: 6 }];
  return fixZipTimes(zipSync(entries));
}
