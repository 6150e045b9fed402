import { describe, expect, it } from 'vitest';
import { CaseFileError } from './errors';
import { openCaseFile, readCaseFile, writeCaseFile } from './index';
import { isSealedCaseFile, openSealedCaseFile, sealCaseFile } from './sealed';
import { sampleCaseData } from './test-fixtures';

// The real 600,000 iterations are covered once; the rest use fewer to keep the suite fast.
const fast = { iterations: 1_000 };
const PASS = 'коробка-ключ Ә 2026';

const problemOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CaseFileError);
    return { problem: (error as CaseFileError).problem, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
};

function headerOf(sealed: Uint8Array) {
  const length = new DataView(sealed.buffer, sealed.byteOffset).getUint32(28);
  return JSON.parse(new TextDecoder().decode(sealed.subarray(32, 32 + length)));
}

describe('sealed case files', () => {
  it('open with the passphrase into exactly the case that was sealed (600,000 iterations)', async () => {
    const data = sampleCaseData();
    const sealed = await sealCaseFile(writeCaseFile(data), PASS);
    expect(isSealedCaseFile(sealed)).toBe(true);
    const header = headerOf(sealed);
    expect(header.kdf).toMatchObject({ algorithm: 'pbkdf2-sha256', iterations: 600_000 });
    // The passphrase as typed on another keyboard layout (decomposed Ә) opens it too.
    const opened = await openCaseFile(sealed, PASS.normalize('NFD'));
    expect(opened).toStrictEqual({ data, sealed: true });
  });

  it('keeps everything about the case inside the ciphertext', async () => {
    const data = sampleCaseData();
    const sealed = await sealCaseFile(writeCaseFile(data), PASS, fast);
    const text = new TextDecoder('latin1').decode(sealed);
    expect(text).not.toContain('manifest.json');
    expect(text).not.toContain('sources.ndjson');
    const utf8 = new TextDecoder().decode(sealed);
    expect(utf8).not.toContain(data.case.title);
  });

  it('refuses a wrong passphrase without opening anything, and a missing one by name', async () => {
    const sealed = await sealCaseFile(writeCaseFile(sampleCaseData()), PASS, fast);
    expect(await problemOf(openCaseFile(sealed, PASS + ' '))).toMatchObject({ problem: 'wrong-passphrase' });
    expect(await problemOf(openCaseFile(sealed, undefined))).toMatchObject({ problem: 'encrypted' });
    expect(() => readCaseFile(sealed)).toThrow(/sealed with a passphrase/);
  });

  it('refuses every changed, cut or added byte', async () => {
    // Small chunks so the file has several and reordering is possible to try.
    const zip = writeCaseFile(sampleCaseData());
    const sealed = await sealCaseFile(zip, PASS, { ...fast, chunkBytes: 1024 });
    expect(Math.ceil(zip.length / 1024)).toBeGreaterThan(2);
    const headerEnd = 32 + new DataView(sealed.buffer).getUint32(28);
    for (const at of [0, 29, 40, headerEnd - 2, headerEnd, headerEnd + 1500, sealed.length - 1]) {
      const changed = sealed.slice();
      changed[at] = (changed[at] as number) ^ 0x01;
      const { problem } = await problemOf(openCaseFile(changed, PASS));
      expect(
        ['checksum', 'bad-manifest', 'not-a-case-file', 'not-a-zip', 'wrong-passphrase'],
        `byte ${at}`,
      ).toContain(problem);
    }
    expect((await problemOf(openCaseFile(sealed.subarray(0, sealed.length - 1), PASS))).problem).toBe(
      'checksum',
    );
    expect((await problemOf(openCaseFile(new Uint8Array([...sealed, 0]), PASS))).problem).toBe('checksum');
    // Swap the first two chunks: each still authenticates alone, but not at the other's place.
    const swapped = sealed.slice();
    const size = 1024 + 16;
    swapped.set(sealed.subarray(headerEnd + size, headerEnd + 2 * size), headerEnd);
    swapped.set(sealed.subarray(headerEnd, headerEnd + size), headerEnd + size);
    expect(await problemOf(openCaseFile(swapped, PASS))).toMatchObject({ problem: 'checksum' });
  });

  it('seals an empty payload and a payload of exactly one chunk', async () => {
    for (const size of [0, 1024, 1025]) {
      const plain = new Uint8Array(size).map((_, i) => i % 251);
      const sealed = await sealCaseFile(plain, PASS, { ...fast, chunkBytes: 1024 });
      expect(await openSealedCaseFile(sealed, PASS)).toEqual(plain);
    }
  });

  it('refuses a header that asks for absurd work or sizes', async () => {
    const sealed = await sealCaseFile(writeCaseFile(sampleCaseData()), PASS, fast);
    const headerLength = new DataView(sealed.buffer).getUint32(28);
    const header = headerOf(sealed);
    const withHeader = (h: unknown) => {
      const bytes = new TextEncoder().encode(JSON.stringify(h));
      const out = new Uint8Array(32 + bytes.length + sealed.length - 32 - headerLength);
      out.set(sealed.subarray(0, 28));
      new DataView(out.buffer).setUint32(28, bytes.length);
      out.set(bytes, 32);
      out.set(sealed.subarray(32 + headerLength), 32 + bytes.length);
      return out;
    };
    const huge = withHeader({ ...header, kdf: { ...header.kdf, iterations: 1e12 } });
    expect((await problemOf(openCaseFile(huge, PASS))).problem).toBe('bad-manifest');
    const newer = withHeader({ ...header, version: 2 });
    expect((await problemOf(openCaseFile(newer, PASS))).problem).toBe('unsupported-version');
    const bigger = withHeader({ ...header, plainBytes: 2 ** 41 });
    expect((await problemOf(openCaseFile(bigger, PASS))).problem).toBe('bad-manifest');
  });
});
