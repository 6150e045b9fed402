import { useSyncExternalStore } from 'react';
import { applyBinAdditions, type BinAddition } from '../../shared/identifiers/bank-overlay';
import {
  createBankDirectory,
  parseBinTable,
  parseIbanCodeTable,
  type BankDirectory,
  type BinTable,
} from '../../shared/identifiers/banks';
import bins from '../../resources/banks/kz-bins.json';
import ibanCodes from '../../resources/banks/kz-iban-codes.json';

/**
 * Kazakhstan's banks by card BIN and IBAN bank code: the table shipped in resources/banks, or one
 * the investigator loaded instead, plus the prefixes the investigator added. Kept per installation
 * (not per case): a BIN learned in one case identifies the bank in every other.
 */
const KEYS = { table: 'moneytrail.binTable', additions: 'moneytrail.binAdditions' };
const bundled = parseBinTable(bins);
const ibanTable = parseIbanCodeTable(ibanCodes);

function readJson<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function loadTable(): BinTable {
  const stored = readJson<unknown>(KEYS.table);
  if (!stored) return bundled;
  try {
    return parseBinTable(stored);
  } catch {
    // A table that no longer validates (edited by hand outside the app) falls back to the bundled one.
    return bundled;
  }
}

let table = loadTable();
let additions = readJson<BinAddition[]>(KEYS.additions) ?? [];
let directory = createBankDirectory(applyBinAdditions(table, additions), ibanTable);
let version = 0;
const listeners = new Set<() => void>();

function changed(): void {
  directory = createBankDirectory(applyBinAdditions(table, additions), ibanTable);
  version += 1;
  for (const listener of listeners) listener();
}

export const bankTables = {
  directory: (): BankDirectory => directory,
  table: (): BinTable => table,
  isBundled: (): boolean => table === bundled,
  additions: (): readonly BinAddition[] => additions,
  replaceTable(next: BinTable): void {
    table = next;
    localStorage.setItem(KEYS.table, JSON.stringify(next));
    changed();
  },
  resetTable(): void {
    table = bundled;
    localStorage.removeItem(KEYS.table);
    changed();
  },
  /** Stamps the addition with the time it was made. */
  addPrefix(addition: BinAddition): void {
    additions = [
      ...additions.filter((item) => item.prefix !== addition.prefix),
      { ...addition, addedAt: Date.now() },
    ];
    localStorage.setItem(KEYS.additions, JSON.stringify(additions));
    changed();
  },
  removePrefix(prefix: string): void {
    additions = additions.filter((item) => item.prefix !== prefix);
    localStorage.setItem(KEYS.additions, JSON.stringify(additions));
    changed();
  },
};

/** Re-renders a component when the investigator changes the bank tables. */
export function useBankTablesVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
}
