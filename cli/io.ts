/**
 * Everything a command touches outside its arguments, injected so tests call commands directly
 * (no child process) with captured output, a fixed clock and, where useful, a stand-in importer.
 */
import { createHash, randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { importStatement } from '../shared/import';

export type ImportStatement = typeof importStatement;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => number;
  /** Who the audit log records as acting; `--actor` overrides. */
  actor: () => string;
  newId: () => string;
  importStatement: ImportStatement;
  sha256: (bytes: Uint8Array) => string;
  /** An environment variable (the case passphrase for scripts). */
  env: (name: string) => string | undefined;
}

/** Node's native SHA-256: ~15× faster than pure JS on the hundreds of MB a big case holds. */
export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function nodeIo(overrides: Partial<CliIo> = {}): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    now: () => Date.now(),
    actor: osUser,
    newId: () => randomUUID(),
    importStatement,
    sha256: nodeSha256,
    env: (name) => process.env[name],
    ...overrides,
  };
}
