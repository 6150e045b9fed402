/**
 * Who a row is about, reduced to comparable keys. Normalization goes through shared/identifiers
 * (libphonenumber and friends are slow), so every raw string is normalized once per run, common
 * +7 phones take a fast path, and only rows whose amount and currency occur in another file are
 * looked at at all.
 */
import { parseCard, stripCardSeparators } from '../identifiers/card';
import { parseIban } from '../identifiers/iban';
import {
  MASK_CHARS,
  maskedMatches,
  maskedPattern,
  UNKNOWN_LENGTH_MARK,
  type MaskedPan,
} from '../identifiers/masked-card';
import { parsePhone } from '../identifiers/phone';
import type { CounterpartyFacts, ImportedTransaction, StatementAccount } from '../model/statement';
import { nameScript, nameTokens } from '../identifiers/resolve';

/** `card:…`, `acct:…`, `phone:…`, `wallet:…`: things that name one account. */
type IdKey = string;

export interface Identity {
  /** Account-level identifiers (card, account, phone, wallet): an overlap needs one in common. */
  accounts: IdKey[];
  masks: { pattern: MaskedPan; label: string }[];
  /** IIN/BIN: one person or company, so two different ones are a contradiction. */
  iins: string[];
  /** Upper-cased letter tokens of each holder name. */
  names: string[][];
  /** Memoized blockingKeys(). */
  indexKeys?: string[];
  probeKeys?: string[];
  accountKeys?: string[];
}

export type IdentityLevel = 'id' | 'masked' | 'name' | 'none' | 'conflict' | 'hard-conflict';

export interface IdentityMatch {
  level: IdentityLevel;
  /** What matched (or clashed), for the evidence line. */
  detail: string;
}

const HAS_MASK = new RegExp(`[${MASK_CHARS}${UNKNOWN_LENGTH_MARK}]`);
const IBAN_SHAPE = /^(IBAN[:\s]*)?[A-Za-z]{2}\d{2}/;

/** Per-run caches; one instance per findDuplicateCandidates call keeps the function pure. */
export class IdentityCache {
  private readonly ids = new Map<string, IdKey | MaskedPan | null>();
  private readonly phones = new Map<string, string | null>();
  private readonly tokens = new Map<string, string[]>();
  /** Keyed by the facts object (or the source's accounts array when none applies), then ownAccount. */
  private readonly owners = new Map<object, Map<string, Identity>>();
  /** Nested by field, so a lookup hashes the row's own strings instead of building a key string. */
  private readonly counterparties = new Map<string, unknown>();

  /** A cell that may hold a card, masked card, IBAN, phone or a bank's own account number. */
  accountLike(raw: string): IdKey | MaskedPan | null {
    let hit = this.ids.get(raw);
    if (hit === undefined) {
      hit = classify(raw, (s) => this.phone(s));
      this.ids.set(raw, hit);
    }
    return hit;
  }

  phone(raw: string): string | null {
    let hit = this.phones.get(raw);
    if (hit === undefined) {
      hit = fastKzPhone(raw);
      if (hit === null) {
        const r = parsePhone(raw);
        hit = r.ok ? `phone:${r.value}` : null;
      }
      this.phones.set(raw, hit);
    }
    return hit;
  }

  name(raw: string): string[] {
    let hit = this.tokens.get(raw);
    if (!hit) {
      hit = nameTokens(raw);
      this.tokens.set(raw, hit);
    }
    return hit;
  }

  /** Counterparties repeat (the shop's card, the same buyer): one Identity per distinct set of facts. */
  counterparty(cp: CounterpartyFacts): Identity {
    const path = [cp.card, cp.account, cp.phone, cp.wallet, cp.idNumber];
    let level = this.counterparties;
    for (const v of path) {
      let next = level.get(v ?? '') as Map<string, unknown> | undefined;
      if (!next) level.set(v ?? '', (next = new Map()));
      level = next;
    }
    let hit = level.get(cp.name ?? '') as Identity | undefined;
    if (!hit) {
      hit = this.buildCounterparty(cp);
      level.set(cp.name ?? '', hit);
    }
    return hit;
  }

  private buildCounterparty(cp: CounterpartyFacts): Identity {
    const id = emptyIdentity();
    for (const raw of [cp.card, cp.account]) if (raw) this.addAccount(id, raw);
    if (cp.phone) pushKey(id.accounts, this.phone(cp.phone));
    if (cp.wallet) pushKey(id.accounts, walletKey(cp.wallet));
    if (cp.idNumber) pushKey(id.iins, iinKey(cp.idNumber));
    if (cp.name) pushName(id, this.name(cp.name));
    return id;
  }

  /** The statement's own account for a row: the sheet's account facts plus the row's own column. */
  owner(accounts: readonly StatementAccount[], tx: ImportedTransaction): Identity {
    const facts = accountFor(accounts, tx);
    const scope: object = facts ?? accounts;
    let byOwnAccount = this.owners.get(scope);
    if (!byOwnAccount) this.owners.set(scope, (byOwnAccount = new Map()));
    let hit = byOwnAccount.get(tx.ownAccount ?? '');
    if (!hit) {
      hit = emptyIdentity();
      if (facts) {
        for (const raw of [facts.card, facts.account]) if (raw) this.addAccount(hit, raw);
        if (facts.phone) pushKey(hit.accounts, this.phone(facts.phone));
        if (facts.idNumber) pushKey(hit.iins, iinKey(facts.idNumber));
        if (facts.holderName) pushName(hit, this.name(facts.holderName));
      }
      if (tx.ownAccount) this.addAccount(hit, tx.ownAccount);
      byOwnAccount.set(tx.ownAccount ?? '', hit);
    }
    return hit;
  }

  private addAccount(id: Identity, raw: string): void {
    const v = this.accountLike(raw);
    if (v === null) return;
    if (typeof v === 'string') pushKey(id.accounts, v);
    else if (!id.masks.some((m) => sameMask(m.pattern, v))) id.masks.push({ pattern: v, label: raw.trim() });
  }
}

/**
 * +7 numbers written the usual ways (8 701…, 7701…, 701…) need no libphonenumber: for matching
 * two statements only the E.164 form matters, and parsing a million distinct phones costs seconds.
 */
function fastKzPhone(raw: string): string | null {
  if (!/^[+\d\s\u00a0().-]+$/.test(raw)) return null;
  const digits = raw.replace(/\D/g, '');
  const plus = raw.trim().startsWith('+');
  if (plus && digits.length === 11 && digits.startsWith('7')) return `phone:+${digits}`;
  if (!plus && digits.length === 11 && /^[78]7/.test(digits)) return `phone:+7${digits.slice(1)}`;
  if (!plus && digits.length === 10 && digits.startsWith('7')) return `phone:+7${digits}`;
  return null;
}

function tail4(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : value.slice(-4).toLowerCase();
}

/**
 * Cheap keys such that any two identities matchIdentity() calls a positive match share at least
 * one, one identity indexed and the other probing: last four digits of every number (cards,
 * masks, IBANs, phones, IINs), and every full word of a name. A mask hiding its tail can only be
 * found by its leading digits; those keys are one-way (probe mask → indexed cards, probe card →
 * indexed masks), because every Kaspi card starts 440043 and card-to-card lookups by prefix
 * would compare everything with everything.
 */
export function blockingKeys(id: Identity, role: 'index' | 'probe'): string[] {
  const memo = role === 'index' ? id.indexKeys : id.probeKeys;
  if (memo) return memo;
  const keys = new Set<string>();
  for (const k of id.accounts) {
    const value = k.slice(k.indexOf(':') + 1);
    keys.add(`l:${tail4(value)}`);
    if (k.startsWith('card:')) keys.add(`${role === 'index' ? 'pc' : 'pm'}:${value.slice(0, 4)}`);
  }
  for (const k of id.iins) keys.add(`l:${k.slice(-4)}`);
  for (const m of id.masks) {
    if (m.pattern.suffix.length >= 4) keys.add(`l:${m.pattern.suffix.slice(-4)}`);
    else if (m.pattern.prefix.length >= 4)
      keys.add(`${role === 'index' ? 'pm' : 'pc'}:${m.pattern.prefix.slice(0, 4)}`);
  }
  for (const n of id.names) for (const t of n) if (t.length > 1) keys.add(`n:${t}`);
  const out = [...keys];
  if (role === 'index') id.indexKeys = out;
  else id.probeKeys = out;
  return out;
}

/** Keys of the account-level identifiers only (for "same account" lookups; names and IINs excluded). */
export function accountKeys(id: Identity): string[] {
  if (id.accountKeys) return id.accountKeys;
  const keys = new Set<string>();
  for (const k of id.accounts) keys.add(`l:${tail4(k.slice(k.indexOf(':') + 1))}`);
  for (const m of id.masks) if (m.pattern.suffix.length >= 4) keys.add(`l:${m.pattern.suffix.slice(-4)}`);
  id.accountKeys = [...keys];
  return id.accountKeys;
}

function emptyIdentity(): Identity {
  return { accounts: [], masks: [], iins: [], names: [] };
}

function pushKey(list: string[], key: string | null): void {
  if (key !== null && !list.includes(key)) list.push(key);
}

function pushName(id: Identity, tokens: string[]): void {
  if (tokens.length > 0) id.names.push(tokens);
}

function sameMask(x: MaskedPan, y: MaskedPan): boolean {
  return x.prefix === y.prefix && x.suffix === y.suffix && x.length === y.length;
}

/** The account facts of the table a row sits in: same sheet, nearest header block above it. */
function accountFor(
  accounts: readonly StatementAccount[],
  tx: ImportedTransaction,
): StatementAccount | undefined {
  let above: StatementAccount | undefined;
  let below: StatementAccount | undefined;
  for (const a of accounts) {
    if (a.sheet !== tx.sheet) continue;
    if (a.row <= tx.row) {
      if (!above || a.row > above.row) above = a;
    } else if (!below || a.row < below.row) below = a;
  }
  // One account for the whole file (a preamble on another sheet) still describes every row.
  return above ?? below ?? (accounts.length === 1 ? accounts[0] : undefined);
}

function classify(raw: string, phone: (s: string) => string | null): IdKey | MaskedPan | null {
  const s = raw.trim();
  if (s.length === 0) return null;
  if (HAS_MASK.test(s)) return maskedPattern(s);
  if (IBAN_SHAPE.test(s)) {
    const iban = parseIban(s);
    if (iban.ok) return `acct:${iban.value}`;
  }
  const digits = stripCardSeparators(s);
  if (/^\d{13,19}$/.test(digits)) {
    const card = parseCard(digits);
    // A Luhn-failing 16-digit number is still the same string on both sides, so it is kept as an account.
    return card.ok ? `card:${card.value}` : `acct:${digits}`;
  }
  if (s.startsWith('+') || /^\d{10,11}$/.test(digits.replace(/[()]/g, ''))) {
    const p = phone(s);
    if (p !== null) return p;
  }
  const compact = s.toUpperCase().replace(/[\s\u00a0.\-_]/g, '');
  // Very short values ("1", "—") are row numbers or placeholders, not accounts.
  return compact.length >= 6 ? `acct:${compact}` : null;
}

function walletKey(raw: string): string | null {
  const s = raw.trim();
  if (s.length === 0) return null;
  // Ethereum addresses are case-insensitive (the case is only a checksum); Base58 ones are not.
  return `wallet:${/^0x/i.test(s) ? s.toLowerCase() : s}`;
}

function iinKey(raw: string): string | null {
  const d = raw.replace(/[\s\u00a0]/g, '');
  return /^\d{12}$/.test(d) ? d : null;
}

export { nameTokens };

/**
 * Names are compared only within one script: "IVANOV I" vs "Иванов Иван" needs transliteration
 * rules we do not guess at. An initial matches a full token, but at least one full token must be
 * equal, so "И." alone never matches anyone.
 */
export function namesMatch(a: string[], b: string[]): 'match' | 'differ' | 'incomparable' {
  const sa = nameScript(a);
  if (sa === 'other' || sa !== nameScript(b)) return 'incomparable';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const tokenOk = (t: string): boolean =>
    long.some((u) => u === t || (t.length === 1 && u.startsWith(t)) || (u.length === 1 && t.startsWith(u)));
  const full = short.some((t) => t.length > 1 && long.includes(t));
  return full && short.every(tokenOk) ? 'match' : 'differ';
}

function shown(key: string): string {
  const [kind, value = ''] = key.split(/:(.*)/s);
  // Evidence lines end up in reports: a full PAN is shown the way banks print it.
  if (kind === 'card') return `card ${value.slice(0, 6)}…${value.slice(-4)}`;
  if (kind === 'acct') return `account ${value}`;
  return `${kind} ${value}`;
}

function masksCompatible(x: MaskedPan, y: MaskedPan): boolean {
  if (x.length !== null && y.length !== null && x.length !== y.length) return false;
  const suffixOk = x.suffix.endsWith(y.suffix) || y.suffix.endsWith(x.suffix);
  const prefixOk = x.prefix.startsWith(y.prefix) || y.prefix.startsWith(x.prefix);
  // Both must show some of the same trailing digits, or the "match" would rest on nothing.
  return suffixOk && prefixOk && Math.min(x.suffix.length, y.suffix.length) >= 4;
}

/**
 * How well the counterparty named in one statement matches the owner of the other. The best
 * positive match wins; a contradiction only counts when nothing matched, because people hold
 * several cards on one account and one card can be missing from the header.
 */
export function matchIdentity(cp: Identity, owner: Identity): IdentityMatch {
  for (const k of cp.accounts) if (owner.accounts.includes(k)) return { level: 'id', detail: shown(k) };
  for (const k of cp.iins) if (owner.iins.includes(k)) return { level: 'id', detail: `IIN/BIN ${k}` };
  const masked = maskedMatch(cp, owner) ?? maskedMatch(owner, cp);
  if (masked) return { level: 'masked', detail: masked };
  for (const m of cp.masks)
    for (const n of owner.masks)
      if (masksCompatible(m.pattern, n.pattern))
        return { level: 'masked', detail: `${m.label} ~ ${n.label}` };
  let namesDiffer = false;
  for (const x of cp.names)
    for (const y of owner.names) {
      const r = namesMatch(x, y);
      if (r === 'match') return { level: 'name', detail: `name ${x.join(' ')} ~ ${y.join(' ')}` };
      if (r === 'differ') namesDiffer = true;
    }
  if (cp.iins.length > 0 && owner.iins.length > 0)
    return { level: 'hard-conflict', detail: `IIN/BIN ${cp.iins.join(', ')} ≠ ${owner.iins.join(', ')}` };
  const cards = (id: Identity): number =>
    id.accounts.filter((k) => k.startsWith('card:')).length + id.masks.length;
  const accts = (id: Identity): number => id.accounts.filter((k) => k.startsWith('acct:KZ')).length;
  if ((cards(cp) > 0 && cards(owner) > 0) || (accts(cp) > 0 && accts(owner) > 0))
    return { level: 'conflict', detail: 'card or account numbers differ' };
  if (namesDiffer) return { level: 'conflict', detail: 'holder names differ' };
  return { level: 'none', detail: '' };
}

function maskedMatch(x: Identity, y: Identity): string | null {
  for (const m of x.masks)
    for (const k of y.accounts)
      if (k.startsWith('card:') && maskedMatches(m.pattern, k.slice(5))) return `${m.label} ~ ${shown(k)}`;
  return null;
}

/** Same account on both sides (overlap): account-level identifiers only, never the holder. */
export function sameAccount(x: Identity, y: Identity): 'same' | 'different' | 'unknown' {
  if (x.accounts.length + x.masks.length === 0 || y.accounts.length + y.masks.length === 0) return 'unknown';
  for (const k of x.accounts) if (y.accounts.includes(k)) return 'same';
  if (maskedMatch(x, y) ?? maskedMatch(y, x)) return 'same';
  for (const m of x.masks) for (const n of y.masks) if (masksCompatible(m.pattern, n.pattern)) return 'same';
  return 'different';
}
