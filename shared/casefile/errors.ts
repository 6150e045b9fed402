/**
 * Every way a case file can be refused, as a machine-readable code plus the table it concerns, so
 * the app can translate the message and the CLI can print exactly which part of the file is bad.
 */
export type CaseFileProblem =
  /** Not a ZIP, or a ZIP cut short / damaged (the container itself cannot be opened). */
  | 'not-a-zip'
  /** A ZIP, but not a MoneyTrail case (no manifest, or a different `format`). */
  | 'not-a-case-file'
  /** Written by a newer MoneyTrail: `formatVersion` this reader does not know. */
  | 'unsupported-version'
  /** A sealed (passphrase-encrypted) case file read without a passphrase. */
  | 'encrypted'
  /** A sealed case file and a passphrase that is not the one it was sealed with. */
  | 'wrong-passphrase'
  /** The manifest does not have the documented shape. */
  | 'bad-manifest'
  /** A table the manifest lists is missing from the ZIP, or the ZIP holds an unlisted file. */
  | 'missing-table'
  | 'unexpected-entry'
  /** A table's bytes do not hash to the manifest's sha256: corrupted or edited. */
  | 'checksum'
  /** A table hashes fine but its content is malformed or inconsistent with the manifest. */
  | 'bad-table'
  /** The audit log inside the file is not an unbroken hash chain for this case. */
  | 'audit-chain'
  /** writeCaseFile was given data it cannot store faithfully (wrong types, duplicate sources). */
  | 'invalid-data';

export class CaseFileError extends Error {
  override readonly name = 'CaseFileError';
  constructor(
    readonly problem: CaseFileProblem,
    message: string,
    /** The table (manifest key, e.g. `transactions/000003`) the problem was found in. */
    readonly table?: string,
  ) {
    super(table ? `case file table ${table}: ${message}` : message);
  }
}
