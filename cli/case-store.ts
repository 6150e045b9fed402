/**
 * Case files on disk. Writes go to a temporary file in the same directory, are flushed, then
 * renamed over the target: a crash or a full disk leaves either the old case or the new one,
 * never a half-written ZIP.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openCaseFile, sealCaseFile, type CaseData } from '../shared/casefile';
import { writeCaseFileNative } from './case-zip';
import { nodeSha256 } from './io';
import { CLI_VERSION } from './version';

export function caseExists(path: string): boolean {
  return existsSync(path);
}

export interface LoadedCase {
  data: CaseData;
  /** Read from a sealed file: it is written back sealed, under the same passphrase. */
  sealed: boolean;
}

/**
 * Throws CaseFileError for a bad case file (a sealed one without its passphrase or with a wrong
 * one included), or the fs error for an unreadable one.
 */
export function loadCase(path: string, passphrase?: string): Promise<LoadedCase> {
  return openCaseFile(readFileSync(path), passphrase, { sha256: nodeSha256 });
}

/** `sealWith`: seal the file under this passphrase (a new salt and nonce every time). */
export async function saveCaseAtomically(
  path: string,
  data: CaseData,
  now: number,
  sealWith?: string,
): Promise<void> {
  const zip = await writeCaseFileNative(data, {
    createdAt: now,
    app: { name: 'moneytrail-cli', version: CLI_VERSION },
    sha256: nodeSha256,
  });
  writeFileAtomically(path, sealWith === undefined ? zip : await sealCaseFile(zip, sealWith));
}

/** Temp file in the same directory, flushed, renamed over the target (see the top of this file). */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    const fd = openSync(temp, 'wx');
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
