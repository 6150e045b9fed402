/** `moneytrail verify`: OK with the fingerprint, each tampered file named, --expect, refusals. */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../shared/packet/manifest';
import { generateSigningKey } from '../shared/packet/sign';
import { zipPacket } from '../shared/packet/zip';
import { run, tempDir } from './test-support';

const key = generateSigningKey(new Uint8Array(32).fill(7));
const other = generateSigningKey(new Uint8Array(32).fill(8));
const files = { 'registry.xlsx': strToU8('xlsx'), 'evidence.json': strToU8('{}'), 'VERIFY.md': strToU8('v') };
const packet = zipPacket(files, key);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('moneytrail verify', () => {
  it('prints OK and the signer fingerprint, exit 0', async () => {
    const r = await run(['verify', tmp.file('ok.zip', packet)]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`OK\nsigner fingerprint: ${fingerprint(key.publicKey)}\n`);
  });

  it('names each altered, added and missing file, non-zero exit', async () => {
    const entries = unzipSync(packet);
    const tampered = Object.fromEntries(
      Object.entries({ ...entries, 'registry.xlsx': strToU8('xlsX'), 'new.txt': strToU8('n') }).filter(
        ([p]) => p !== 'VERIFY.md',
      ),
    );
    const r = await run(['verify', tmp.file('bad.zip', zipSync(tampered))]);
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err).toContain('altered: registry.xlsx');
    expect(r.err).toContain('added:   new.txt');
    expect(r.err).toContain('missing: VERIFY.md');
  });

  it('--expect fails a packet re-signed by another key', async () => {
    const path = tmp.file('other.zip', zipPacket(files, other));
    const expected = fingerprint(key.publicKey);
    expect((await run(['verify', path])).code).toBe(0);
    const r = await run(['verify', path, '--expect', expected.toLowerCase()]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(fingerprint(other.publicKey));
    expect((await run(['verify', tmp.file('ok2.zip', packet), '--expect', expected])).code).toBe(0);
  });

  it('refuses a missing file (1), no argument (2), and a non-zip (3)', async () => {
    expect((await run(['verify', tmp.file('none') + '.nope'])).code).toBe(1);
    expect((await run(['verify'])).code).toBe(2);
    expect((await run(['verify', tmp.file('junk.zip', 'not a zip')])).code).toBe(3);
  });
});
