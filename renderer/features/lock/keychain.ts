import { useEffect, useState } from 'react';
import { exportKeyForKeychain, type CaseKeys } from '../../../shared/crypto';
import { hostKeychain, osKeychainAvailable } from '../../host/keychain';

/**
 * The optional "remember on this computer": the case's DEK handed to the host, which seals it
 * with the OS keychain (Electron safeStorage). Offered only where the host reports a real keychain
 * — never on Linux `basic_text`, never in the web host — and never the only way in: the passphrase
 * always opens the case too (docs/encryption.md, "OS keychain").
 */
const secretId = (caseId: string) => `case-${caseId.toLowerCase()}`;

export const keychainAvailable = osKeychainAvailable;

export function useKeychainAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    void keychainAvailable().then((value) => live && setAvailable(value));
    return () => {
      live = false;
    };
  }, []);
  return available;
}

export async function rememberCaseKey(caseId: string, keys: CaseKeys): Promise<void> {
  await hostKeychain.store(secretId(caseId), await exportKeyForKeychain(keys));
}

export async function storedCaseKey(caseId: string): Promise<string | null> {
  return hostKeychain.load(secretId(caseId));
}

export async function forgetCaseKey(caseId: string): Promise<void> {
  await hostKeychain.forget(secretId(caseId));
}
