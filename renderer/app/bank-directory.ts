import { loadBankDirectory } from '../../shared/identifiers/banks';
import bins from '../../resources/banks/kz-bins.json';
import ibanCodes from '../../resources/banks/kz-iban-codes.json';

/** Kazakhstan's banks by card BIN and IBAN bank code, from the tables in resources/banks. */
export const bankDirectory = loadBankDirectory(bins, ibanCodes);
