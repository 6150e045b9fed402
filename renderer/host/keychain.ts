import { unwrap } from '../../shared/ipc/result';
import { host } from './index';

/** The host's OS keychain (Electron safeStorage) as a small store of named secrets. */
export interface OsKeychain {
  store(id: string, secret: string): Promise<void>;
  load(id: string): Promise<string | null>;
  forget(id: string): Promise<void>;
}

let available: Promise<boolean> | undefined;

/** True only where the host reports a real keychain: never Linux `basic_text`, never the web host. */
export function osKeychainAvailable(): Promise<boolean> {
  available ??= host
    .getSecretStoreStatus()
    .then((result) => result.ok && result.value.available)
    .catch(() => false);
  return available;
}

/** The calls themselves, for callers that checked availability their own way (a remembered case key). */
export const hostKeychain: OsKeychain = {
  store: async (id, secret) => void unwrap(await host.storeSecret({ id, secret })),
  load: async (id) => unwrap(await host.loadSecret({ id })),
  forget: async (id) => void unwrap(await host.forgetSecret({ id })),
};

export async function osKeychain(): Promise<OsKeychain | null> {
  return (await osKeychainAvailable()) ? hostKeychain : null;
}
