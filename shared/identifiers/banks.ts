/**
 * Bank directory: which Kazakh bank issued a card (by BIN prefix) or holds an account (by the
 * IBAN bank code). The tables are data, not code, because investigators correct and extend them
 * during a case. They ship in resources/banks/*.json; the host reads the current (possibly
 * edited) files and builds a directory with loadBankDirectory(). This module never bundles a
 * copy, so a stale built-in table cannot silently win over the investigator's corrections.
 */

/** How far a table row can be trusted; surfaced to the investigator next to the bank name. */
export type Confidence = 'verified' | 'reported' | 'unverified' | 'example';

export interface BinPrefix {
  prefix: string;
  brand?: string;
  confidence: Confidence;
  note?: string;
}

export interface BankRecord {
  id: string;
  name: { ru: string; en: string };
  bic?: string;
  binPrefixes: BinPrefix[];
}

export interface BinTable {
  source: string;
  date: string;
  banks: BankRecord[];
}

export interface IbanCodeRecord {
  code: string;
  bankId: string | null;
  confidence: Confidence;
  note?: string;
}

export interface IbanCodeTable {
  source: string;
  date: string;
  codes: IbanCodeRecord[];
}

export interface BankMatch {
  bankId: string;
  name: { ru: string; en: string };
  bic?: string;
  /** The table key that matched: a BIN prefix or an IBAN bank code. */
  matched: string;
  confidence: Confidence;
}

export interface BankDirectory {
  /** Longest BIN prefix match on the leading digits of a PAN (or of a masked PAN's prefix). */
  byPan(digits: string): BankMatch | null;
  byIbanCode(code: string): BankMatch | null;
  byId(id: string): BankRecord | null;
  readonly banks: readonly BankRecord[];
}

const CONFIDENCES: readonly string[] = ['verified', 'reported', 'unverified', 'example'];

export class BankTableError extends Error {
  override name = 'BankTableError';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new BankTableError(`${where}: expected a string`);
  return v;
}

function confidence(v: unknown, where: string): Confidence {
  if (typeof v !== 'string' || !CONFIDENCES.includes(v)) {
    throw new BankTableError(`${where}: confidence must be one of ${CONFIDENCES.join(', ')}`);
  }
  return v as Confidence;
}

/** Validates an investigator-edited BIN table; throws BankTableError naming the bad row. */
export function parseBinTable(json: unknown): BinTable {
  if (!isRecord(json) || !Array.isArray(json.banks))
    throw new BankTableError('BIN table: missing "banks" array');
  const banks = json.banks.map((b: unknown, i): BankRecord => {
    const at = `banks[${i}]`;
    if (!isRecord(b) || !isRecord(b.name))
      throw new BankTableError(`${at}: expected { id, name: { ru, en } }`);
    const prefixes = b.binPrefixes ?? [];
    if (!Array.isArray(prefixes)) throw new BankTableError(`${at}.binPrefixes: expected an array`);
    const record: BankRecord = {
      id: str(b.id, `${at}.id`),
      name: { ru: str(b.name.ru, `${at}.name.ru`), en: str(b.name.en, `${at}.name.en`) },
      binPrefixes: prefixes.map((p: unknown, j): BinPrefix => {
        const pat = `${at}.binPrefixes[${j}]`;
        if (!isRecord(p)) throw new BankTableError(`${pat}: expected an object`);
        const prefix = str(p.prefix, `${pat}.prefix`);
        if (!/^\d{1,11}$/.test(prefix)) throw new BankTableError(`${pat}.prefix: 1 to 11 digits`);
        const out: BinPrefix = { prefix, confidence: confidence(p.confidence, `${pat}.confidence`) };
        if (typeof p.brand === 'string') out.brand = p.brand;
        if (typeof p.note === 'string') out.note = p.note;
        return out;
      }),
    };
    if (typeof b.bic === 'string') record.bic = b.bic;
    return record;
  });
  return { source: str(json.source ?? '', 'source'), date: str(json.date ?? '', 'date'), banks };
}

export function parseIbanCodeTable(json: unknown): IbanCodeTable {
  if (!isRecord(json) || !Array.isArray(json.codes))
    throw new BankTableError('IBAN code table: missing "codes"');
  const codes = json.codes.map((c: unknown, i): IbanCodeRecord => {
    const at = `codes[${i}]`;
    if (!isRecord(c)) throw new BankTableError(`${at}: expected an object`);
    const code = str(c.code, `${at}.code`);
    if (!/^\d{3}$/.test(code)) throw new BankTableError(`${at}.code: exactly 3 digits`);
    const bankId = c.bankId === null ? null : str(c.bankId, `${at}.bankId`);
    const out: IbanCodeRecord = { code, bankId, confidence: confidence(c.confidence, `${at}.confidence`) };
    if (typeof c.note === 'string') out.note = c.note;
    return out;
  });
  return { source: str(json.source ?? '', 'source'), date: str(json.date ?? '', 'date'), codes };
}

export function createBankDirectory(bins: BinTable, ibanCodes?: IbanCodeTable): BankDirectory {
  const byId = new Map<string, BankRecord>();
  for (const bank of bins.banks) byId.set(bank.id, bank);

  const prefixes = new Map<string, { bank: BankRecord; entry: BinPrefix }>();
  let maxPrefix = 0;
  for (const bank of bins.banks) {
    for (const entry of bank.binPrefixes) {
      prefixes.set(entry.prefix, { bank, entry });
      maxPrefix = Math.max(maxPrefix, entry.prefix.length);
    }
  }

  const codes = new Map<string, IbanCodeRecord>();
  for (const c of ibanCodes?.codes ?? []) codes.set(c.code, c);

  const match = (bank: BankRecord, matched: string, conf: Confidence): BankMatch => {
    const m: BankMatch = { bankId: bank.id, name: bank.name, matched, confidence: conf };
    if (bank.bic !== undefined) m.bic = bank.bic;
    return m;
  };

  return {
    banks: bins.banks,
    byId: (id) => byId.get(id) ?? null,
    byPan(digits) {
      // Longest prefix wins so an investigator can carve a co-branded 8-digit range out of a 6-digit one.
      for (let len = Math.min(maxPrefix, digits.length); len >= 1; len--) {
        const hit = prefixes.get(digits.slice(0, len));
        if (hit) return match(hit.bank, hit.entry.prefix, hit.entry.confidence);
      }
      return null;
    },
    byIbanCode(code) {
      const row = codes.get(code);
      if (!row || row.bankId === null) return null;
      const bank = byId.get(row.bankId);
      return bank ? match(bank, row.code, row.confidence) : null;
    },
  };
}

/** Validates both JSON tables (as read from resources/banks) and builds a directory. */
export function loadBankDirectory(binJson: unknown, ibanJson?: unknown): BankDirectory {
  return createBankDirectory(
    parseBinTable(binJson),
    ibanJson === undefined ? undefined : parseIbanCodeTable(ibanJson),
  );
}

/** Used when the caller passes no directory: brand and checksum still work, bank is null. */
export const EMPTY_BANK_DIRECTORY: BankDirectory = createBankDirectory({ source: '', date: '', banks: [] });
