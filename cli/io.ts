/**
 * Everything a command touches outside its arguments, injected so tests call commands directly
 * (no child process) with captured output, a fixed clock and, where useful, a stand-in importer.
 */
import { createHash, randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { importStatement } from '../shared/import';
import { importOnTwoThreads } from './extraction-thread';

export type ImportStatement = typeof importStatement;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => number;
  /** Who the audit log records as acting; `--actor` overrides. */
  actor: () => string;
  newId: () => string;
  importStatement: ImportStatement;
  /** Of bytes, or of a file's bytes as they are read. */
  sha256: (bytes: Uint8Array | Iterable<Uint8Array>) => string;
  /** An environment variable (the case passphrase for scripts). */
  env: (name: string) => string | undefined;
}

/** Node's native SHA-256: ~15× faster than pure JS on the hundreds of MB a big case holds. */
export const nodeSha256 = (bytes: Uint8Array | Iterable<Uint8Array>): string => {
  const hash = createHash('sha256');
  if (bytes instanceof Uint8Array) hash.update(bytes);
  else for (const chunk of bytes) hash.update(chunk);
  return hash.digest('hex');
};

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Written before returning, whatever the output is: `process.stdout.write` on a pipe only queues,
 * and a large `--json` answer queued in pieces faster than the reader takes them ends in ENOBUFS.
 * A reader that went away (`| head`) ends the command quietly, as a closed pipe should.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A pipe's reader takes 64 KB at a time: 50 µs keeps up with it (5 ms made a 1 GB summary
      // take 80 s instead of 32 s).
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 0.05);
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw e;
    }
  }
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function nodeIo(overrides: Partial<CliIo> = {}): CliIo {
  return {
    out: (text) => writeAll(1, text),
    err: (text) => writeAll(2, text),
    now: () => Date.now(),
    actor: osUser,
    newId: () => randomUUID(),
    importStatement: importOnTwoThreads,
    sha256: nodeSha256,
    env: (name) => process.env[name],
    ...overrides,
  };
}
