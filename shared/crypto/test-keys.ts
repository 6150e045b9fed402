// Test helper: PBKDF2 at a low count so the suite stays fast; one test covers the default.
import { createCaseKeys } from './keyring';

export const FAST = { iterations: 1_000 };
export const newCase = (passphrase = 'correct horse battery staple') => createCaseKeys(passphrase, FAST);
