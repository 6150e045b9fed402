/**
 * Entity resolution: many mentions of the same normalized value become one entity, and masked
 * cards are tied to full cards only when the case itself proves it (exactly one full card in the
 * case fits the mask and nothing in the metadata contradicts). No guessing: "ambiguous" and
 * "unresolved" are first-class answers the investigator sees.
 */
import { maskedMatches, maskedPattern, type MaskedPan } from './masked-card';
import { IDENTIFIER_KINDS, type IdentifierKind } from './types';

export interface ResolveMention<R> {
  kind: IdentifierKind;
  /** Normalized value, as produced by the parsers. */
  value: string;
  /** Opaque provenance (file, row, statement line); carried through untouched. */
  ref: R;
  /** Bank id or name the source attributes this identifier to. */
  bank?: string | null;
  /** Card holder / account holder name as printed in the source. */
  holder?: string | null;
}

export type MaskedResolution =
  | { status: 'resolved'; card: string }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'unresolved' };

export interface Entity<R> {
  kind: IdentifierKind;
  value: string;
  /** References in input order. */
  refs: R[];
  /** Distinct bank and holder values seen on the mentions, sorted (shared empty array when none). */
  banks: readonly string[];
  holders: readonly string[];
  /** card_masked only. */
  resolution?: MaskedResolution;
  /** card only: masked values resolved to this card, sorted. */
  maskedAliases?: string[];
}

export interface Resolution<R> {
  /** Sorted by kind (IDENTIFIER_KINDS order), then value: identical input gives identical output. */
  entities: Entity<R>[];
  find(kind: IdentifierKind, value: string): Entity<R> | undefined;
}

function normBank(s: string): string {
  return s.trim().toUpperCase().replace(/\s+/g, ' ');
}

/** Upper-case letter tokens of a holder name, ё = е: how names from two banks are compared. */
export function nameTokens(s: string): string[] {
  return s
    .toUpperCase()
    .replace(/Ё/g, 'Е')
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/** Names are compared only within one script; transliteration is not guessed at. */
export function nameScript(tokens: string[]): 'latin' | 'cyrillic' | 'other' {
  const joined = tokens.join('');
  if (/^[A-Z]+$/.test(joined)) return 'latin';
  if (/^[\p{Script=Cyrillic}]+$/u.test(joined)) return 'cyrillic';
  return 'other';
}

function tokenMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // Statements abbreviate: "IVANOV I" vs "IVANOV IVAN", Kaspi's "Иван И."
  return (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/**
 * Two holder names are compatible unless they are comparable and clearly differ. Names in
 * different scripts (Latin on the card, Cyrillic in the statement) are not compared: that needs
 * transliteration rules this module does not guess at.
 */
export function holdersCompatible(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return true;
  const sa = nameScript(ta);
  if (sa !== nameScript(tb) || sa === 'other') return true;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return short.every((t) => long.some((u) => tokenMatch(t, u)));
}

function setsCompatible(
  a: Set<string> | undefined,
  b: Set<string> | undefined,
  same: (x: string, y: string) => boolean,
): boolean {
  if (!a || !b) return true;
  for (const x of a) for (const y of b) if (same(x, y)) return true;
  return false;
}

function pushIndex<K, T>(index: Map<K, T[]>, key: K, item: T): void {
  const list = index.get(key);
  if (list) list.push(item);
  else index.set(key, [item]);
}

const NONE: readonly string[] = Object.freeze([]);

export function resolveEntities<R>(mentions: Iterable<ResolveMention<R>>): Resolution<R> {
  const byKind = new Map<IdentifierKind, Map<string, Entity<R>>>();
  for (const kind of IDENTIFIER_KINDS) byKind.set(kind, new Map());
  // Metadata is rare next to plain mentions, so it lives in side tables instead of on every entity.
  const banks = new Map<Entity<R>, Set<string>>();
  const holders = new Map<Entity<R>, Set<string>>();

  for (const m of mentions) {
    const table = byKind.get(m.kind);
    if (!table) continue;
    let e = table.get(m.value);
    if (e) e.refs.push(m.ref);
    else {
      e = { kind: m.kind, value: m.value, refs: [m.ref], banks: NONE, holders: NONE };
      table.set(m.value, e);
    }
    if (m.bank) addTo(banks, e, normBank(m.bank));
    if (m.holder) addTo(holders, e, m.holder.trim());
  }

  // Full cards indexed by BIN+last4, last4 and BIN, so each mask inspects only plausible cards.
  const cards = [...(byKind.get('card')?.values() ?? [])];
  const byBinLast4 = new Map<string, Entity<R>[]>();
  const byLast4 = new Map<string, Entity<R>[]>();
  const byBin = new Map<string, Entity<R>[]>();
  for (const c of cards) {
    const v = c.value;
    pushIndex(byBinLast4, v.slice(0, 6) + v.slice(-4), c);
    pushIndex(byLast4, v.slice(-4), c);
    pushIndex(byBin, v.slice(0, 6), c);
  }
  const pool = (p: MaskedPan): Entity<R>[] => {
    if (p.prefix.length >= 6 && p.suffix.length >= 4)
      return byBinLast4.get(p.prefix.slice(0, 6) + p.suffix.slice(-4)) ?? [];
    if (p.suffix.length >= 4) return byLast4.get(p.suffix.slice(-4)) ?? [];
    if (p.prefix.length >= 6) return byBin.get(p.prefix.slice(0, 6)) ?? [];
    return cards;
  };

  const aliases = new Map<Entity<R>, string[]>();
  for (const masked of byKind.get('card_masked')?.values() ?? []) {
    const pattern = maskedPattern(masked.value);
    if (!pattern) {
      masked.resolution = { status: 'unresolved' };
      continue;
    }
    const maskedBanks = banks.get(masked);
    const maskedHolders = holders.get(masked);
    const fits = pool(pattern).filter(
      (c) =>
        maskedMatches(pattern, c.value) &&
        setsCompatible(maskedBanks, banks.get(c), (x, y) => x === y) &&
        setsCompatible(maskedHolders, holders.get(c), holdersCompatible),
    );
    if (fits.length === 0) masked.resolution = { status: 'unresolved' };
    else if (fits.length > 1)
      masked.resolution = { status: 'ambiguous', candidates: fits.map((c) => c.value).sort() };
    else {
      const card = fits[0] as Entity<R>;
      masked.resolution = { status: 'resolved', card: card.value };
      pushIndex(aliases, card, masked.value);
    }
  }

  for (const [e, set] of banks) e.banks = [...set].sort();
  for (const [e, set] of holders) e.holders = [...set].sort();
  for (const card of cards) card.maskedAliases = aliases.get(card)?.sort() ?? [];

  // Default sort compares UTF-16 code units: locale-independent, so output is identical everywhere.
  const entities: Entity<R>[] = [];
  for (const kind of IDENTIFIER_KINDS) {
    const table = byKind.get(kind);
    if (!table) continue;
    for (const value of [...table.keys()].sort()) entities.push(table.get(value) as Entity<R>);
  }

  return {
    entities,
    find: (kind, value) => byKind.get(kind)?.get(value),
  };
}

function addTo<K>(index: Map<K, Set<string>>, key: K, value: string): void {
  const set = index.get(key);
  if (set) set.add(value);
  else index.set(key, new Set([value]));
}

/** Stable identity for an entity across runs, e.g. for graph node ids. */
export function entityKey(kind: IdentifierKind, value: string): string {
  return `${kind}:${value}`;
}
