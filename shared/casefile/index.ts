/** The portable case file (docs/case-file.md): one ZIP that moves a whole case between laptops. */
export {
  caseFileTime,
  encodeCaseFile,
  writeCaseFile,
  type CaseFileEntry,
  type DeflateLevel,
  type WriteCaseFileOptions,
} from './write';
export { readCaseFile, type ReadCaseFileOptions } from './read';
export { openCaseFile, type OpenedCaseFile } from './open';
export {
  isSealedCaseFile,
  openSealedCaseFile,
  sealCaseFile,
  SEALED_FORMAT,
  type SealOptions,
} from './sealed';
export { CaseFileError, type CaseFileProblem } from './errors';
export { nobleSha256Hex } from './hash';
export {
  BLOCK_ROWS,
  CASE_FILE_FORMAT,
  CASE_FILE_VERSION,
  DEFAULT_DEFLATE_LEVEL,
  MANIFEST_FILE,
  type CaseFileManifest,
  type TableEntry,
} from './format';
export type { CaseData, Sha256Hex } from './types';
