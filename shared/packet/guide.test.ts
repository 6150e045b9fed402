import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { verificationGuide } from './guide';
import { fingerprint } from './manifest';
import { generateSigningKey, signManifest } from './sign';

const key = generateSigningKey(new Uint8Array(32).fill(7));
const fp = fingerprint(key.publicKey);

describe('verificationGuide', () => {
  const text = verificationGuide(fp);

  it('gives the command with the signer’s fingerprint, in Russian, Kazakh and English', () => {
    const command = `moneytrail verify PACKET.zip --expect "${fp}"`;
    expect(text.split(command)).toHaveLength(4);
    expect(text).toContain('Проверка вручную, без MoneyTrail');
    expect(text).toContain('MoneyTrail-сіз қолмен тексеру');
    expect(text).toContain('By hand, without MoneyTrail');
    expect(text).toContain('sha256sum');
  });

  it('describes the signed text exactly: a reader following it verifies a real manifest', () => {
    const manifest = signManifest(
      { 'VERIFY.txt': new TextEncoder().encode(text), 'b/report.pdf': new Uint8Array([1, 2]) },
      key,
    );
    // Rebuild the signed text from the template the guide prints, as a person would by hand.
    const template = /^ {5}(\{"format".*)$/m.exec(text)![1]!;
    expect(
      template.startsWith('{"format":"moneytrail-seizure-packet","version":1,"publicKey":"<hex>","files":['),
    ).toBe(true);
    const files = manifest.files
      .map((f) => `{"path":"${f.path}","size":${f.size},"sha256":"${f.sha256}"}`)
      .join(',');
    const signed = template.replace('<hex>', manifest.publicKey).replace(/\[.*\]/, `[${files}]`);
    expect(
      ed25519.verify(hexToBytes(manifest.signature), new TextEncoder().encode(signed), key.publicKey),
    ).toBe(true);
    // And the fingerprint rule it states.
    const hex = bytesToHex(sha256(key.publicKey)).slice(0, 32).toUpperCase();
    expect(hex.match(/.{4}/g)!.join(' ')).toBe(fp);
  });

  it('uses CRLF line ends so Notepad on an old Windows shows lines', () => {
    expect(text.split('\r\n').length).toBeGreaterThan(60);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
