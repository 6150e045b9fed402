import { execFileSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from './sign';
import { verifyPacket } from './verify';
import { zipPacket } from './zip';
import { fixZipTimes } from './zip-time';

const files = {
  'VERIFY.txt': new TextEncoder().encode('проверка\n'),
  'letters/a.pdf': new Uint8Array([1, 2, 3]),
};

/** The packet's bytes as a process in time zone `tz` makes them. */
function zipIn(tz: string): string {
  const script = `
    import { generateSigningKey } from './shared/packet/sign.ts';
    import { zipPacket } from './shared/packet/zip.ts';
    const files = { 'VERIFY.txt': new TextEncoder().encode('проверка\\n'), 'letters/a.pdf': new Uint8Array([1, 2, 3]) };
    const zip = zipPacket(files, generateSigningKey(new Uint8Array(32).fill(9)));
    process.stdout.write(Buffer.from(zip).toString('hex'));`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
}

describe('ZIP entry times', () => {
  it('are the same constant whatever the time zone the packet was made in', () => {
    const almaty = zipIn('Asia/Almaty');
    expect(zipIn('UTC')).toBe(almaty);
    expect(zipIn('America/New_York')).toBe(almaty);
    // …and a packet made in one zone verifies byte for byte in another.
    expect(verifyPacket(new Uint8Array(Buffer.from(almaty, 'hex'))).ok).toBe(true);
  }, 60_000);

  it('change no content', () => {
    const zip = zipPacket(files, generateSigningKey(new Uint8Array(32).fill(9)));
    expect(unzipSync(fixZipTimes(zip))).toEqual(unzipSync(zip));
  });
});
