/** The bank directory shipped in resources/banks, bundled into the CLI (no files to find at run time). */
import bins from '../resources/banks/kz-bins.json';
import ibanCodes from '../resources/banks/kz-iban-codes.json';
import { loadBankDirectory, type BankDirectory } from '../shared/identifiers/banks';

let directory: BankDirectory | null = null;

export function bankDirectory(): BankDirectory {
  directory ??= loadBankDirectory(bins, ibanCodes);
  return directory;
}
