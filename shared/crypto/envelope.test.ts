import { describe, expect, it } from 'vitest';
import {
  ENVELOPE_VERSION,
  decryptJson,
  decryptRecord,
  encryptJson,
  encryptRecord,
  recordAad,
} from './envelope';
import { TamperedRecordError } from './errors';
import { newCase } from './test-keys';

const payload = new TextEncoder().encode('Иванов И. И. → Kaspi Bank, 5 000,00 ₸');
const aad = recordAad('transactions', ['ab12', 1]);

const flipped = (bytes: Uint8Array, index: number) => {
  const copy = bytes.slice();
  copy[index]! ^= 0x10;
  return copy;
};

describe('record envelope', () => {
  it('round-trips, with version | 12-byte IV | ciphertext and 16-byte tag in an exact-size buffer', async () => {
    const { keys } = await newCase();
    const sealed = await encryptRecord(keys, aad, payload);
    expect(sealed[0]).toBe(ENVELOPE_VERSION);
    expect(sealed.length).toBe(1 + 12 + payload.length + 16);
    expect(sealed.buffer.byteLength).toBe(sealed.length);
    expect(await decryptRecord(keys, aad, sealed)).toEqual(payload);
    expect(await decryptRecord(keys, aad, await encryptRecord(keys, aad, new Uint8Array(0)))).toHaveLength(0);
  });

  it('uses a fresh IV each time', async () => {
    const { keys } = await newCase();
    const a = await encryptRecord(keys, aad, payload);
    const b = await encryptRecord(keys, aad, payload);
    expect(a.subarray(1, 13)).not.toEqual(b.subarray(1, 13));
  });

  it('reads a record given as a view into a larger buffer', async () => {
    const { keys } = await newCase();
    const sealed = await encryptRecord(keys, aad, payload);
    const padded = new Uint8Array(sealed.length + 10);
    padded.set(sealed, 5);
    expect(await decryptRecord(keys, aad, padded.subarray(5, 5 + sealed.length))).toEqual(payload);
  });

  it('detects one flipped bit in the IV, the ciphertext or the tag', async () => {
    const { keys } = await newCase();
    const sealed = await encryptRecord(keys, aad, payload);
    for (const index of [1, 12, 13, 13 + payload.length - 1, sealed.length - 16, sealed.length - 1]) {
      const error = await decryptRecord(keys, aad, flipped(sealed, index)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TamperedRecordError);
      expect(error).toMatchObject({ reason: 'authentication', subject: aad });
    }
    await expect(decryptRecord(keys, aad, flipped(sealed, 0))).rejects.toMatchObject({ reason: 'version' });
    await expect(decryptRecord(keys, aad, sealed.subarray(0, 28))).rejects.toMatchObject({
      reason: 'format',
    });
  });

  it('detects a record moved to another row or table (different AAD)', async () => {
    const { keys } = await newCase();
    const row1 = await encryptRecord(keys, recordAad('mentions', 1), payload);
    for (const other of [recordAad('mentions', 2), recordAad('mentions', '1'), recordAad('invalid', 1)]) {
      await expect(decryptRecord(keys, other, row1)).rejects.toBeInstanceOf(TamperedRecordError);
    }
  });

  it('refuses a record of another case', async () => {
    const a = await newCase();
    const b = await newCase();
    const sealed = await encryptRecord(a.keys, aad, payload);
    await expect(decryptRecord(b.keys, aad, sealed)).rejects.toBeInstanceOf(TamperedRecordError);
  });

  it('round-trips JSON, unicode included', async () => {
    const { keys } = await newCase();
    const value = { title: 'Дело № 12-345 / Іс', tags: ['қала', 'ёж'], n: 1.5, none: null };
    expect(await decryptJson(keys, aad, await encryptJson(keys, aad, value))).toEqual(value);
  });

  it('builds unambiguous AADs', () => {
    expect(recordAad('a', 1)).not.toBe(recordAad('a', '1'));
    expect(recordAad('a,b', 'c')).not.toBe(recordAad('a', 'b,c'));
    expect(recordAad('t', ['x', 1])).toBe('["t",["x",1]]');
  });
});
