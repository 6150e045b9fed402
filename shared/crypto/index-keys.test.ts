import { describe, expect, it } from 'vitest';
import { fileIndexKey, identifierIndexKey, identifierIndexKeys } from './index-keys';
import { unlockCaseKeys } from './keyring';
import { newCase } from './test-keys';

const card = '4400430012341234';
const sha = 'AB'.repeat(32);

describe('index keys', () => {
  it('are stable for equal inputs, also after locking and unlocking again', async () => {
    const { wrapped, keys } = await newCase();
    const key = await identifierIndexKey(keys, 'card', card);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await identifierIndexKey(keys, 'card', card)).toBe(key);
    const again = await unlockCaseKeys('correct horse battery staple', wrapped);
    expect(await identifierIndexKey(again, 'card', card)).toBe(key);
    expect(key).not.toContain(card);
  });

  it('differ across cases, kinds and values', async () => {
    const a = await newCase();
    const b = await newCase();
    const keys = new Set([
      await identifierIndexKey(a.keys, 'card', card),
      await identifierIndexKey(b.keys, 'card', card),
      await identifierIndexKey(a.keys, 'phone', card),
      await identifierIndexKey(a.keys, 'card', '4400430012341235'),
    ]);
    expect(keys.size).toBe(4);
  });

  it('match composed and decomposed text, and refuse ambiguous kinds', async () => {
    const { keys } = await newCase();
    const name = 'Әлиев Йомарт';
    expect(await identifierIndexKey(keys, 'name', name.normalize('NFD'))).toBe(
      await identifierIndexKey(keys, 'name', name.normalize('NFC')),
    );
    for (const kind of ['', 'card:x', 'Card', '1card']) {
      await expect(identifierIndexKey(keys, kind, card)).rejects.toThrow(/kind/);
    }
  });

  it('batch like one at a time', async () => {
    const { keys } = await newCase();
    const items = [
      { kind: 'card', value: card },
      { kind: 'phone', value: '+77011234567' },
      { kind: 'card', value: card },
    ];
    expect(await identifierIndexKeys(keys, items)).toEqual([
      await identifierIndexKey(keys, 'card', card),
      await identifierIndexKey(keys, 'phone', '+77011234567'),
      await identifierIndexKey(keys, 'card', card),
    ]);
  });

  it('key file hashes case-insensitively and never show the hash', async () => {
    const { keys } = await newCase();
    const key = await fileIndexKey(keys, sha);
    expect(await fileIndexKey(keys, sha.toLowerCase())).toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(key.toLowerCase()).not.toContain('abababab');
    expect(() => fileIndexKey(keys, 'abc')).toThrow(/SHA-256/);
  });
});
