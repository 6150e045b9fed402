/**
 * One way in for both hosts: a case file as picked or found on disk, sealed or not. The passphrase
 * is only asked for when the file is sealed; the caller learns which it was, so a case read from a
 * sealed file can be written back sealed.
 */
import { CaseFileError } from './errors';
import { readCaseFile, type ReadCaseFileOptions } from './read';
import { isSealedCaseFile, openSealedCaseFile } from './sealed';
import type { CaseData } from './types';

export interface OpenedCaseFile {
  data: CaseData;
  sealed: boolean;
}

export async function openCaseFile(
  bytes: Uint8Array,
  passphrase: string | undefined,
  options: ReadCaseFileOptions = {},
): Promise<OpenedCaseFile> {
  if (!isSealedCaseFile(bytes)) return { data: readCaseFile(bytes, options), sealed: false };
  if (passphrase === undefined)
    throw new CaseFileError(
      'encrypted',
      'this case file is sealed with a passphrase; give the passphrase to open it',
    );
  return { data: readCaseFile(await openSealedCaseFile(bytes, passphrase), options), sealed: true };
}
