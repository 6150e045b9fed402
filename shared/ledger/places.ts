/**
 * Which identifiers are one place money can sit. Identifiers are joined only on evidence: a
 * statement's preamble naming its IBAN, card and phone together; a masked card resolved to the
 * one full card it fits; a transfer by phone whose other side is in a statement; an
 * investigator's merge. A person's IIN never joins accounts: one person's two cards hold
 * separate money, and tracing must not pour one into the other.
 */
import type { LedgerLink, LinkKind, RowEvidence } from './types';

const RANK: Record<string, number> = {
  iban: 0,
  card: 1,
  phone: 2,
  card_masked: 3,
  tron: 4,
  eth: 4,
  btc: 4,
  exchange: 5,
  account: 5,
  statement: 5,
  bin: 6,
  iin: 6,
  name: 7,
  unknown: 8,
};

/** Prefix of an entityKey (`card:4400…` → `card`). */
export function keyKind(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

export function keyValue(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/** The identifier that names a place: an account's IBAN before its card, its card before a phone. */
export function compareForName(a: string, b: string): number {
  const ra = RANK[keyKind(a)] ?? 9;
  const rb = RANK[keyKind(b)] ?? 9;
  return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
}

export class Places {
  private readonly parent = new Map<string, string>();
  readonly links: LedgerLink[] = [];
  private readonly linked = new Set<string>();

  constructor(private readonly apart: ReadonlySet<string> = new Set()) {}

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }

  find(key: string): string {
    this.add(key);
    let root = key;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root))
      root = next;
    // Path compression keeps a million lookups flat.
    let at = key;
    while (at !== root) {
      const next = this.parent.get(at) as string;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }

  /** Joins two identifiers on evidence; refused when the investigator declared them different. */
  join(kind: LinkKind, a: string, b: string, evidence: RowEvidence[], detail: string): boolean {
    if (a === b) return false;
    const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (this.apart.has(pair)) return false;
    const ra = this.find(a);
    const rb = this.find(b);
    if (!this.linked.has(`${kind}\u0000${pair}`)) {
      this.linked.add(`${kind}\u0000${pair}`);
      this.links.push({ id: this.links.length, kind, a, b, evidence, detail });
    }
    if (ra === rb) return true;
    // The smaller root wins, so the result does not depend on the order of joins.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
    return true;
  }

  /** Records evidence that does not make one place (a holder's IIN). */
  note(kind: LinkKind, a: string, b: string, evidence: RowEvidence[], detail: string): void {
    const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (this.linked.has(`${kind}\u0000${pair}`)) return;
    this.linked.add(`${kind}\u0000${pair}`);
    this.links.push({ id: this.links.length, kind, a, b, evidence, detail });
  }

  /** Root → members, members sorted so the best name comes first. */
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const key of this.parent.keys()) {
      const root = this.find(key);
      const list = out.get(root);
      if (list) list.push(key);
      else out.set(root, [key]);
    }
    for (const list of out.values()) list.sort(compareForName);
    return out;
  }
}
