import type { SafeStorage } from 'electron';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HostHandlers } from '../../../shared/ipc/contract';
import { HostError } from '../../../shared/ipc/result';
import { writeAtomically } from './files';

/**
 * An optional convenience: keep a case key wrapped by the OS keychain (safeStorage) so the
 * investigator can unlock without typing the passphrase. Never the only key — the passphrase
 * always works — and refused where the OS offers no real keychain (Linux `basic_text`).
 */
export function secretHandlers(
  safeStorage: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
  >,
  storeFile: string,
  platform: NodeJS.Platform = process.platform,
): Pick<HostHandlers, 'getSecretStoreStatus' | 'storeSecret' | 'loadSecret' | 'forgetSecret'> {
  const backend = () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform);
  const available = () => safeStorage.isEncryptionAvailable() && backend() !== 'basic_text';

  const readStore = async (): Promise<Record<string, string>> => {
    const text = await readFile(storeFile, 'utf8').catch(() => '{}');
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const writeStore = async (store: Record<string, string>) => {
    await mkdir(path.dirname(storeFile), { recursive: true });
    await writeAtomically(storeFile, new TextEncoder().encode(JSON.stringify(store)));
  };
  const requireKeychain = () => {
    if (!available())
      throw new HostError('unavailable', 'The operating system keychain is not available on this computer');
  };

  return {
    async getSecretStoreStatus() {
      return { available: available(), backend: String(backend()) };
    },
    async storeSecret({ id, secret }) {
      requireKeychain();
      const store = await readStore();
      store[id] = safeStorage.encryptString(secret).toString('base64');
      await writeStore(store);
      return null;
    },
    async loadSecret({ id }) {
      requireKeychain();
      const sealed = (await readStore())[id];
      if (!sealed) return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        throw new HostError(
          'unavailable',
          'The keychain could not open the stored key; unlock with the passphrase',
        );
      }
    },
    async forgetSecret({ id }) {
      const store = await readStore();
      if (id in store) {
        await writeStore(Object.fromEntries(Object.entries(store).filter(([key]) => key !== id)));
      }
      return null;
    },
  };
}
