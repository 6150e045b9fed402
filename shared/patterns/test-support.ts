/**
 * Small hand-built ledgers for the detector tests: cards, shops and exchange accounts, payments
 * at given moments, links. Each payment's evidence is one row of a file named `test`, numbered
 * in the order the test wrote the payments (row 2 is the first), whatever their times.
 */
import type { Ledger, LedgerLink, LedgerNode, LedgerTransfer, LinkKind } from '../ledger/types';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** 2 September 2024, 10:00 in Almaty (UTC+5). */
export const T0 = Date.UTC(2024, 8, 2, 5);

export const kzt = (tenge: number): number => Math.round(tenge * 100);
export const usdt = (amount: number): number => Math.round(amount * 1_000_000);

type Draft = Omit<LedgerTransfer, 'id' | 'evidence'>;

export class LedgerBuilder {
  private readonly nodes: LedgerNode[] = [];
  private readonly drafts: Draft[] = [];
  private readonly links: LedgerLink[] = [];
  private cards = 0;

  /** A card account; the number is made up, the holder and bank are what the test gives. */
  card(extra: Partial<LedgerNode> = {}): number {
    this.cards++;
    return this.node('account', `card:4400${String(this.cards).padStart(12, '0')}`, extra);
  }

  shop(name: string): number {
    return this.node('merchant', `name:${name}`, { endPoint: 'merchant' });
  }

  exchange(uid: string): number {
    return this.node('exchange-account', `exchange:${uid}`, { institution: 'Binance' });
  }

  node(kind: LedgerNode['kind'], key: string, extra: Partial<LedgerNode> = {}): number {
    const id = this.nodes.length;
    const [idKind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    this.nodes.push({
      id,
      kind,
      key,
      idKind: idKind as LedgerNode['idKind'],
      value,
      identifiers: [key],
      hasStatement: true,
      ...extra,
    });
    return id;
  }

  key(node: number): string {
    return this.nodes[node]?.key ?? '';
  }

  /** Adds identifiers (entityKeys) to a node, as the builder does for bound phones. */
  identify(node: number, ...keys: string[]): this {
    this.nodes[node]?.identifiers.push(...keys);
    return this;
  }

  pay(from: number, to: number, at: number, amountMinor: number, extra: Partial<Draft> = {}): this {
    this.drafts.push({ from, to, at, amountMinor, currency: 'KZT', channel: 'card', ...extra });
    return this;
  }

  link(kind: LinkKind, a: string, b: string, row: number): this {
    const evidence = [{ sha256: 'links', sheet: 'Sheet1', row }];
    this.links.push({ id: this.links.length, kind, a, b, evidence, detail: `${kind} ${a} ${b}` });
    return this;
  }

  build(): Ledger {
    const order = this.drafts.map((d, i) => ({ d, i })).sort((x, y) => x.d.at - y.d.at || x.i - y.i);
    const transfers: LedgerTransfer[] = order.map(({ d, i }, id) => ({
      ...d,
      id,
      evidence: [{ sha256: 'test', sheet: 'Sheet1', row: i + 2 }],
    }));
    const nodeByKey = new Map<string, number>();
    for (const node of this.nodes)
      for (const key of node.identifiers) if (!nodeByKey.has(key)) nodeByKey.set(key, node.id);
    return {
      nodes: this.nodes,
      transfers,
      links: this.links,
      nodeByKey,
      files: new Map([['test', 'test.xlsx']]),
    };
  }
}

/**
 * A drop's day: `senders` buyers pay it 20 000 ₸ each between 10:00 and 22:00, and at 23:30 it
 * forwards `share` of the takings to `to`. Returns the buyers.
 */
export function dropDay(
  b: LedgerBuilder,
  drop: number,
  to: number,
  options: { senders?: number; day?: number; share?: number; buyers?: number[] } = {},
): number[] {
  const senders = options.senders ?? 15;
  const day = T0 + (options.day ?? 0) * DAY;
  const buyers = options.buyers ?? Array.from({ length: senders }, () => b.card());
  buyers.forEach((buyer, i) => b.pay(buyer, drop, day + Math.round((i * 12 * HOUR) / senders), kzt(20_000)));
  const takings = buyers.length * kzt(20_000);
  b.pay(drop, to, day + 13.5 * HOUR, Math.round(takings * (options.share ?? 0.92)), { channel: 'phone' });
  return buyers;
}
