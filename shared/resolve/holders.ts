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
  const keyOf = entityKeys();
  const bySheetOwn = new Map<string, Set<string>>();
  const linked: LinkedIdentifiers = { sheet: [], row: [], key: [] };
  for (const mention of result.mentions) {
    if (!HOLDER_LINKED_KINDS.has(mention.kind)) continue;
    if (mention.role === 'counterparty') {
      linked.sheet.push(mention.sheet);
      linked.row.push(mention.row);
      linked.key.push(keyOf(mention.kind, mention.value));
    } else if (mention.role === 'own' || mention.role === 'preamble') {
      let set = bySheetOwn.get(mention.sheet);
      if (!set) bySheetOwn.set(mention.sheet, (set = new Set()));
      set.add(keyOf(mention.kind, mention.value));
    }
  }

  const facts = new FactTable();
  for (const account of result.accounts) {
    const own = [...(bySheetOwn.get(account.sheet) ?? [])];
    facts.add(
      'owner',
      account.holderName || undefined,
      account.idNumber || undefined,
      own,
      account.sheet,
      account.row,
    );
  }
  const transactions = result.transactions;
  const linkedTo = rowLinks(linked, transactions);
  for (let i = 0; i < transactions.length; i++) {
    if (onRows && i % PROGRESS_EVERY === 0 && i > 0) onRows(i);
    const t = transactions[i] as StatementImport['transactions'][number];
    const identifiers = linkedTo(t.sheet, t.row);
    const { name, idNumber } = t.counterparty;
    if (!name && !idNumber) continue;
    facts.add('counterparty', name || undefined, idNumber || undefined, identifiers, t.sheet, t.row);
  }
  return facts.values();
}

/** Counterparty identifiers as parallel columns, in the order they were mentioned. */
interface LinkedIdentifiers {
  sheet: string[];
  row: number[];
  key: string[];
}

/** `entityKey`, made once per distinct value: a million rows name a few thousand identifiers. */
function entityKeys(): (kind: IdentifierMention['kind'], value: string) => string {
  const byKind = new Map<string, Map<string, string>>();
  return (kind, value) => {
    let keys = byKind.get(kind);
    if (keys === undefined) byKind.set(kind, (keys = new Map()));
    let key = keys.get(value);
    if (key === undefined) keys.set(value, (key = entityKey(kind, value)));
    return key;
  };
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * The identifiers each transaction's row links, asked for in transaction order. Mentions and
 * transactions are both met sheet by sheet, row by row, so one cursor walks the mentions along;
 * a map of a million rows, the obvious way, took most of this function's time. Should the
 * mentions not follow the transactions' order, the map it is.
 */
function rowLinks(
  linked: LinkedIdentifiers,
  transactions: StatementImport['transactions'],
): (sheet: string, row: number) => readonly string[] {
  // Sheets in the order the transactions meet them.
  const order = new Map<string, number>();
  const sheetOf = (sheet: string): number => {
    let index = order.get(sheet);
    if (index === undefined) order.set(sheet, (index = order.size));
    return index;
  };
  const inOrder =
    inRowOrder(
      transactions.length,
      (i) => sheetOf((transactions[i] as StatementImport['transactions'][number]).sheet),
      (i) => (transactions[i] as StatementImport['transactions'][number]).row,
    ) &&
    // Mentions on sheets without transactions link nothing; the walk steps over them.
    inRowOrder(
      linked.key.length,
      (i) => order.get(linked.sheet[i] as string),
      (i) => linked.row[i] as number,
    );
  if (!inOrder) return mapLinks(linked);
  let p = 0;
  return (sheet, row) => {
    const at = order.get(sheet) as number;
    for (; p < linked.key.length; p++) {
      const s = order.get(linked.sheet[p] as string);
      if (s !== undefined && (s > at || (s === at && (linked.row[p] as number) >= row))) break;
    }
    let found: string[] | null = null;
    for (let q = p; q < linked.key.length && linked.row[q] === row && linked.sheet[q] === sheet; q++)
      (found ??= []).push(linked.key[q] as string);
    return found ?? NONE;
  };
}

/** Whether items 0…n−1 come sheet after sheet (by `sheetAt`'s index), rows not going back; items without a sheet index are skipped. */
function inRowOrder(
  n: number,
  sheetAt: (i: number) => number | undefined,
  rowAt: (i: number) => number,
): boolean {
  let previous = -1;
  let lastRow = -Infinity;
  for (let i = 0; i < n; i++) {
    const index = sheetAt(i);
    if (index === undefined) continue;
    const row = rowAt(i);
    if (index < previous || (index === previous && row < lastRow)) return false;
    previous = index;
    lastRow = row;
  }
  return true;
}

function mapLinks(linked: LinkedIdentifiers): (sheet: string, row: number) => readonly string[] {
  const bySheet = new Map<string, Map<number, string[]>>();
  for (let i = 0; i < linked.key.length; i++) {
    const sheet = linked.sheet[i] as string;
    let rows = bySheet.get(sheet);
    if (!rows) bySheet.set(sheet, (rows = new Map()));
    const list = rows.get(linked.row[i] as number);
    if (list) list.push(linked.key[i] as string);
    else rows.set(linked.row[i] as number, [linked.key[i] as string]);
  }
  return (sheet, row) => bySheet.get(sheet)?.get(row) ?? NONE;
}

/**
 * Facts by role, IIN/BIN, normalized name and linked identifiers — nested maps of strings that
 * are mostly the same string objects row after row, so lookups do not hash a new key each time.
 * The fact object is made only for a new key: most rows repeat a fact already counted.
 */
class FactTable {
  private readonly list: HolderFact[] = [];
  private readonly byRole = new Map<HolderRole, Map<string, Map<string, Map<string, HolderFact>>>>();
  // The same counterparty is named on thousands of rows: normalize each spelling once.
  private readonly normalized = new Map<string, string>();

  add(
    role: HolderRole,
    name: string | undefined,
    idNumber: string | undefined,
    linked: readonly string[],
    sheet: string,
    row: number,
  ): void {
    if (!name && !idNumber) return;
    const identifiers = linked.length < 2 ? linked : [...new Set(linked)].sort();
    const linkedKey = identifiers.length === 1 ? (identifiers[0] as string) : identifiers.join(',');
    let byId = this.byRole.get(role);
    if (!byId) this.byRole.set(role, (byId = new Map()));
    let byName = byId.get(idNumber ?? '');
    if (!byName) byId.set(idNumber ?? '', (byName = new Map()));
    const normal = this.normalize(name ?? '');
    let byLinked = byName.get(normal);
    if (!byLinked) byName.set(normal, (byLinked = new Map()));
    const existing = byLinked.get(linkedKey);
    if (existing) {
      existing.rows += 1;
      return;
    }
    const fact: HolderFact = {
      ...(name ? { name } : {}),
      ...(idNumber ? { idNumber } : {}),
      identifiers: [...identifiers],
      role,
      sheet,
      row,
      rows: 1,
    };
    byLinked.set(linkedKey, fact);
    this.list.push(fact);
  }

  values(): HolderFact[] {
    return this.list;
  }

  private normalize(name: string): string {
    let norm = this.normalized.get(name);
    if (norm === undefined) this.normalized.set(name, (norm = normalizeHolderName(name)));
    return norm;
  }
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
