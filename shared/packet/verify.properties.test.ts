/**
 * Properties of the packet signature on random file sets (seeded): the verifier accepts every
 * packet the builder makes, and refuses every single-byte change of the ZIP — a change to a file,
 * to the manifest, or to the container alone (a header, a timestamp: the verifier re-zips what it
 * unpacked the one way packets are zipped and compares bytes).
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/mulberry32';
import { fingerprint } from './manifest';
import { generateSigningKey } from './sign';
import { verifyPacket } from './verify';
import { zipPacket } from './zip';

type Rng = () => number;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const NAMES = ['letters', 'evidence', 'trace', 'Письмо', 'қаржы', 'a b', 'x'];
const EXTENSIONS = ['.pdf', '.docx', '.json', '.md', '.csv', '.xlsx', ''];

function randomFiles(rng: Rng): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const count = 1 + int(rng, 6);
  for (let i = 0; i < count; i++) {
    const dir = rng() < 0.4 ? `${NAMES[int(rng, NAMES.length)]}/` : '';
    const path = `${dir}${NAMES[int(rng, NAMES.length)]}-${i}${EXTENSIONS[int(rng, EXTENSIONS.length)]}`;
    const size = rng() < 0.1 ? 0 : int(rng, rng() < 0.2 ? 5_000 : 200);
    const bytes = new Uint8Array(size);
    // Half compressible text, half noise, so both stored-like and deflated entries occur.
    const noisy = rng() < 0.5;
    for (let k = 0; k < size; k++) bytes[k] = noisy ? int(rng, 256) : 97 + (k % 7);
    files[path] = bytes;
  }
  return files;
}

function sameContents(a: Record<string, Uint8Array>, b: Record<string, Uint8Array>): boolean {
  const keys = Object.keys(a).sort();
  if (keys.join('\n') !== Object.keys(b).sort().join('\n')) return false;
  return keys.every((k) => {
    const x = a[k]!;
    const y = b[k]!;
    return x.length === y.length && x.every((v, i) => v === y[i]);
  });
}

function unpacked(zip: Uint8Array): Record<string, Uint8Array> | null {
  try {
    return unzipSync(zip);
  } catch {
    return null;
  }
}

/** Positions checked: all of a small ZIP, an even sample plus both ends of a bigger one. */
function positions(rng: Rng, length: number, budget: number): number[] {
  if (length <= budget) return Array.from({ length }, (_, i) => i);
  const picked = new Set<number>();
  for (let i = 0; i < 200; i++) picked.add(i).add(length - 1 - i);
  while (picked.size < budget) picked.add(int(rng, length));
  return [...picked].sort((a, b) => a - b);
}

describe('packet verifier properties', () => {
  it('accepts every packet built from random file sets, signed by the key it names', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = mulberry32(seed);
      const key = generateSigningKey(new Uint8Array(32).fill(seed));
      const zip = zipPacket(randomFiles(rng), key);
      expect(verifyPacket(zip), `seed ${seed}`).toEqual({
        ok: true,
        fingerprint: fingerprint(key.publicKey),
      });
    }
  });

  it('refuses every single-byte change of the ZIP, saying which kind of change it was', () => {
    let contents = 0;
    let container = 0;
    // A one-file packet checked at every byte, and two random ones at a sample of their bytes.
    for (let seed = 0; seed <= 2; seed++) {
      const rng = mulberry32(1000 + seed);
      const key = generateSigningKey(new Uint8Array(32).fill(seed + 1));
      const files =
        seed === 0 ? { 'VERIFY.md': new TextEncoder().encode('moneytrail verify\n') } : randomFiles(rng);
      const zip = zipPacket(files, key);
      const original = unpacked(zip)!;
      for (const p of positions(rng, zip.length, seed === 0 ? 2_000 : 500)) {
        const changed = zip.slice();
        changed[p] = (changed[p]! + 1 + int(rng, 255)) & 0xff;
        const verdict = verifyPacket(changed);
        expect(verdict.ok, `seed ${seed}, byte ${p} accepted`).toBe(false);
        if (verdict.ok) continue;
        if (verdict.containerChanged) {
          // Only the container changed: what it unpacks to is exactly what was signed.
          container++;
          const after = unpacked(changed);
          expect(after !== null && sameContents(after, original)).toBe(true);
        } else contents++;
      }
    }
    expect(contents).toBeGreaterThan(0);
    expect(container).toBeGreaterThan(0);
  });
});
