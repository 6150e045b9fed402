/**
 * Hand-sized ledgers for the trace tests: nodes by name, transfers as
 * `[from, to, at, amount, extra?]`, sorted by time the way buildLedger sorts them (stable, so
 * transfers at the same millisecond keep the order they are written in).
 */
import type { Ledger, LedgerNode, LedgerTransfer } from '../ledger/types';

export type NodeSpec = Partial<Omit<LedgerNode, 'id' | 'key' | 'value' | 'identifiers'>>;
export type TransferSpec = [
  from: string,
  to: string,
  at: number,
  amountMinor: number,
  extra?: Partial<Omit<LedgerTransfer, 'id' | 'from' | 'to' | 'at' | 'amountMinor'>>,
];

export interface TestLedger extends Ledger {
  /** Node id by name. */
  n: Record<string, number>;
}

export function ledger(nodes: Record<string, NodeSpec>, transfers: TransferSpec[]): TestLedger {
  const n: Record<string, number> = {};
  const list: LedgerNode[] = Object.entries(nodes).map(([name, spec], id) => {
    n[name] = id;
    return {
      id,
      kind: 'account',
      key: `name:${name}`,
      idKind: 'name',
      value: name,
      identifiers: [`name:${name}`],
      hasStatement: false,
      ...spec,
    };
  });
  const id = (name: string): number => {
    const v = n[name];
    if (v === undefined) throw new Error(`no node ${name}`);
    return v;
  };
  const sorted = transfers.map((t, i) => ({ t, i })).sort((a, b) => a.t[2] - b.t[2] || a.i - b.i);
  return {
    nodes: list,
    transfers: sorted.map(({ t: [from, to, at, amountMinor, extra] }, k) => ({
      id: k,
      from: id(from),
      to: id(to),
      at,
      amountMinor,
      currency: 'KZT',
      channel: 'card',
      evidence: [{ sha256: 'test', sheet: 'Sheet1', row: k + 2 }],
      ...extra,
    })),
    links: [],
    nodeByKey: new Map(list.map((x) => [x.key, x.id])),
    files: new Map([['test', 'test.xlsx']]),
    n,
  };
}

/** Reached nodes as name → [amountMinor, heldMinor], for compact expectations. */
export function byName(l: TestLedger, reached: { node: number; amountMinor: number; heldMinor: number }[]) {
  const names = Object.fromEntries(Object.entries(l.n).map(([k, v]) => [v, k]));
  return Object.fromEntries(reached.map((r) => [names[r.node] as string, [r.amountMinor, r.heldMinor]]));
}
