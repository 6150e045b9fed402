import { BankTableError, parseBinTable, type BinPrefix, type BinTable } from './banks';

/**
 * The investigator's own additions to the bundled BIN table: a prefix learned from an issuer's
 * reply or a card statement. Kept apart from the bundled data so an update of the app's table
 * never erases them, and each addition says where it came from.
 */
export interface BinAddition extends BinPrefix {
  bankId: string;
  addedAt: number;
}

export function checkBinAddition(addition: BinAddition, table: BinTable): string | null {
  if (!/^\d{6,11}$/.test(addition.prefix)) return 'prefix must be 6 to 11 digits';
  if (!table.banks.some((bank) => bank.id === addition.bankId)) return `no bank with id ${addition.bankId}`;
  return null;
}

/** The bundled (or loaded) table with the additions applied; an added prefix replaces the same prefix anywhere. */
export function applyBinAdditions(table: BinTable, additions: readonly BinAddition[]): BinTable {
  const added = new Map(additions.map((addition) => [addition.prefix, addition]));
  return {
    ...table,
    banks: table.banks.map((bank) => ({
      ...bank,
      binPrefixes: [
        ...bank.binPrefixes.filter((prefix) => !added.has(prefix.prefix)),
        ...additions
          .filter((addition) => addition.bankId === bank.id)
          .map(({ bankId: _bankId, addedAt: _addedAt, ...prefix }) => prefix),
      ],
    })),
  };
}

/** Reads a replacement table the investigator loads from a file; the message names what is wrong. */
export function readBinTableFile(text: string): BinTable {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BankTableError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseBinTable(json);
}
