import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretHandlers } from './secrets';

function fakeSafeStorage(backend: string, available = true) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as never,
    encryptString: (text: string) => Buffer.from(`sealed:${[...text].reverse().join('')}`),
    decryptString: (sealed: Buffer) => [...sealed.toString().replace(/^sealed:/, '')].reverse().join(''),
  };
}

describe('keychain-wrapped secrets', () => {
  it('round-trips a key through the OS keychain and never stores it in the clear', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mt-secrets-')), 'keys.json');
    const secrets = secretHandlers(fakeSafeStorage('gnome_libsecret'), file, 'linux');
    expect(await secrets.getSecretStoreStatus(undefined)).toEqual({
      available: true,
      backend: 'gnome_libsecret',
    });
    await secrets.storeSecret({ id: 'case-1', secret: 'k3y-material' });
    expect(readFileSync(file, 'utf8')).not.toContain('k3y-material');
    expect(await secrets.loadSecret({ id: 'case-1' })).toBe('k3y-material');
    await secrets.forgetSecret({ id: 'case-1' });
    expect(await secrets.loadSecret({ id: 'case-1' })).toBeNull();
  });

  it('refuses Linux basic_text, which is no keychain at all', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mt-secrets-')), 'keys.json');
    const secrets = secretHandlers(fakeSafeStorage('basic_text'), file, 'linux');
    expect((await secrets.getSecretStoreStatus(undefined)).available).toBe(false);
    await expect(secrets.storeSecret({ id: 'case-1', secret: 'x' })).rejects.toMatchObject({
      code: 'unavailable',
    });
  });
});
