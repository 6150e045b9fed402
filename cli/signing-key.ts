/**
 * The CLI's packet signing key: one Ed25519 key per user of this machine, made on first use and
 * kept readable only by that user (`$MONEYTRAIL_HOME`, else `$XDG_CONFIG_HOME/moneytrail`, else
 * `~/.config/moneytrail`), or the file `--key` names. Recipients compare its fingerprint, so it
 * is never replaced silently.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SigningKey } from '../shared/packet/sign';

export function defaultKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.MONEYTRAIL_HOME ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'moneytrail');
  return join(home, 'packet-signing-key');
}

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

/** Reads the key at `path`, or makes one there when no file exists. */
export function loadOrCreateKey(path: string): { key: SigningKey; created: boolean } {
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(text))
      throw new KeyFileError(`${path} is not a MoneyTrail signing key (64 hex digits expected)`);
    const secretKey = new Uint8Array(Buffer.from(text, 'hex'));
    return { key: { secretKey, publicKey: ed25519.getPublicKey(secretKey) }, created: false };
  }
  const secretKey = new Uint8Array(randomBytes(32));
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${Buffer.from(secretKey).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { key: { secretKey, publicKey: ed25519.getPublicKey(secretKey) }, created: true };
}
