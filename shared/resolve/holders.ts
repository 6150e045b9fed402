import { entityKey } from '../identifiers/resolve';
import type { IdentifierMention, StatementImport } from '../model/statement';

/**
 * Who stands behind a card, account, phone or wallet, as the statements themselves say it: the
 * holder named in a statement's header owns its account and card; the counterparty named on a
 * row is the holder of the counterparty card/account/phone on that same row. Each link keeps the
 * row that says so — a freeze request names a person only with this evidence.
 */
export type HolderRole = 'owner' | 'counterparty';

export interface HolderFact {
  name?: string;
  /** IIN or BIN, 12 digits. */
  idNumber?: string;
  /** Entity keys (`card:…`, `iban:…`, `phone:…`) this holder is linked to by this fact. */
  identifiers: string[];
  role: HolderRole;
  sheet: string;
  row: number;
  /** How many rows state the same fact (only the first row is kept as evidence). */
  rows: number;
}

const HOLDER_LINKED_KINDS = new Set(['card', 'card_masked', 'iban', 'phone', 'tron', 'btc', 'eth']);

/** Transactions between two `onRows` calls of holderFactsOf. */
const PROGRESS_EVERY = 1 << 16;

/**
 * Holder facts of one imported file, deduplicated so a million rows about 300 people stay small.
 * `onRows`: transactions looked at so far (a million take seconds in a browser worker).
 */
export function holderFactsOf(result: StatementImport, onRows?: (rows: number) => void): HolderFact[] {
  // Sheet, then row number: a million rows keyed by joined strings took seconds on their own.
  const byRow = new Map<string, Map<number, IdentifierMention[]>>();
  const bySheetOwn = new Map<string, Set<string>>();
  for (const mention of result.mentions) {
    if (!HOLDER_LINKED_KINDS.has(mention.kind)) continue;
    if (mention.role === 'counterparty') {
      let rows = byRow.get(mention.sheet);
      if (!rows) byRow.set(mention.sheet, (rows = new Map()));
      const list = rows.get(mention.row);
      if (list) list.push(mention);
      else rows.set(mention.row, [mention]);
    } else if (mention.role === 'own' || mention.role === 'preamble') {
      let set = bySheetOwn.get(mention.sheet);
      if (!set) bySheetOwn.set(mention.sheet, (set = new Set()));
      set.add(entityKey(mention.kind, mention.value));
    }
  }

  const facts = new Map<string, HolderFact>();
  // The same counterparty is named on thousands of rows: normalize each spelling once.
  const normalized = new Map<string, string>();
  const normalize = (name: string) => {
    let norm = normalized.get(name);
    if (norm === undefined) normalized.set(name, (norm = normalizeHolderName(name)));
    return norm;
  };
  // The fact object is made only for a new key: most rows repeat a fact already counted.
  const add = (
    role: HolderFact['role'],
    name: string | undefined,
    idNumber: string | undefined,
    linked: string[],
    sheet: string,
    row: number,
  ) => {
    if (!name && !idNumber) return;
    const identifiers = linked.length < 2 ? linked : [...new Set(linked)].sort();
    const key = [role, idNumber ?? '', normalize(name ?? ''), identifiers.join(',')].join('\u0000');
    const existing = facts.get(key);
    if (existing) existing.rows += 1;
    else
      facts.set(key, {
        ...(name ? { name } : {}),
        ...(idNumber ? { idNumber } : {}),
        identifiers,
        role,
        sheet,
        row,
        rows: 1,
      });
  };

  for (const account of result.accounts) {
    const own = [...(bySheetOwn.get(account.sheet) ?? [])];
    add(
      'owner',
      account.holderName || undefined,
      account.idNumber || undefined,
      own,
      account.sheet,
      account.row,
    );
  }
  const transactions = result.transactions;
  for (let i = 0; i < transactions.length; i++) {
    if (onRows && i % PROGRESS_EVERY === 0 && i > 0) onRows(i);
    const t = transactions[i] as StatementImport['transactions'][number];
    const { name, idNumber } = t.counterparty;
    if (!name && !idNumber) continue;
    const mentions = byRow.get(t.sheet)?.get(t.row);
    const linked = mentions ? mentions.map((mention) => entityKey(mention.kind, mention.value)) : [];
    add('counterparty', name || undefined, idNumber || undefined, linked, t.sheet, t.row);
  }
  return [...facts.values()];
}

/** Case- and spacing-insensitive, ё = е: how the same name printed by two banks is compared. */
export function normalizeHolderName(name: string): string {
  return name
    .toUpperCase()
    .replace(/Ё/g, 'Е')
    .replace(/["«»'.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface HolderEvidence {
  sha256: string;
  sheet: string;
  row: number;
  role: HolderRole;
  rows: number;
}

export interface CaseHolder {
  /** `iin:…`/`bin:…` when the holder's IIN/BIN is known, else `name:<normalized name>`. */
  key: string;
  names: string[];
  idNumber?: string;
  /** Linked identifier keys with the rows that link them. */
  identifiers: Map<string, HolderEvidence[]>;
}

export interface HolderIndex {
  holders: CaseHolder[];
  byKey: Map<string, CaseHolder>;
  /** Identifier key → holder keys linked to it. */
  holdersOf: Map<string, string[]>;
}

/**
 * Joins the files' holder facts into one holder per IIN/BIN (or per name where no IIN/BIN is
 * printed). A name without an IIN is never merged into an IIN holder automatically: two people
 * share names; the investigator merges by hand when the evidence allows.
 */
export function indexCaseHolders(
  sources: readonly { sha256: string; holders?: readonly HolderFact[] }[],
): HolderIndex {
  const byKey = new Map<string, CaseHolder>();
  for (const source of sources) {
    for (const fact of source.holders ?? []) {
      const key = fact.idNumber
        ? `${Number(fact.idNumber[4]) >= 4 ? 'bin' : 'iin'}:${fact.idNumber}`
        : `name:${normalizeHolderName(fact.name ?? '')}`;
      let holder = byKey.get(key);
      if (!holder) {
        holder = {
          key,
          names: [],
          identifiers: new Map(),
          ...(fact.idNumber ? { idNumber: fact.idNumber } : {}),
        };
        byKey.set(key, holder);
      }
      if (fact.name && !holder.names.includes(fact.name)) holder.names.push(fact.name);
      for (const identifier of fact.identifiers) {
        const evidence = holder.identifiers.get(identifier) ?? [];
        if (evidence.length < 20)
          evidence.push({
            sha256: source.sha256,
            sheet: fact.sheet,
            row: fact.row,
            role: fact.role,
            rows: fact.rows,
          });
        holder.identifiers.set(identifier, evidence);
      }
    }
  }
  const holders = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const holdersOf = new Map<string, string[]>();
  for (const holder of holders) {
    holder.names.sort();
    for (const identifier of holder.identifiers.keys()) {
      const list = holdersOf.get(identifier) ?? [];
      list.push(holder.key);
      holdersOf.set(identifier, list);
    }
  }
  return { holders, byKey, holdersOf };
}
