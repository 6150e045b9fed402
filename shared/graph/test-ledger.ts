/**
 * Small hand-made ledgers for the graph tests: nodes by key, transfers as short tuples, so a test
 * reads like the case it describes.
 */
import type { Ledger, LedgerNode, LedgerTransfer, NodeKind, RowEvidence } from '../ledger/types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2024, 8, 2);

export interface NodeSpec {
  key: string;
  kind?: NodeKind;
  holder?: string;
  /** IIN/BIN of the holder. */
  holderId?: string;
  /** The place's own statement is in the case (its holder comes from that statement's header). */
  hasStatement?: boolean;
  identifiers?: string[];
}

export interface TransferSpec {
  from: number;
  to: number;
  at: number;
  amountMinor: number;
  currency?: string;
  toAmountMinor?: number;
  toCurrency?: string;
  files?: string[];
}

export function ledgerOf(nodes: readonly NodeSpec[], transfers: readonly TransferSpec[]): Ledger {
  const ledgerNodes: LedgerNode[] = nodes.map((spec, id) => {
    const colon = spec.key.indexOf(':');
    return {
      id,
      kind: spec.kind ?? 'account',
      key: spec.key,
      idKind: spec.key.slice(0, colon) as LedgerNode['idKind'],
      value: spec.key.slice(colon + 1),
      identifiers: spec.identifiers ?? [spec.key],
      hasStatement: spec.hasStatement ?? false,
      ...(spec.holder ? { holder: spec.holder } : {}),
      ...(spec.holderId ? { holderId: spec.holderId } : {}),
    };
  });
  const sorted = [...transfers].sort((a, b) => a.at - b.at);
  const ledgerTransfers: LedgerTransfer[] = sorted.map((t, id) => ({
    id,
    from: t.from,
    to: t.to,
    at: t.at,
    amountMinor: t.amountMinor,
    currency: t.currency ?? 'KZT',
    ...(t.toCurrency ? { toCurrency: t.toCurrency, toAmountMinor: t.toAmountMinor ?? t.amountMinor } : {}),
    channel: 'card',
    evidence: (t.files ?? ['file-a']).map((sha256, k): RowEvidence => ({
      sha256,
      sheet: 'Sheet1',
      row: id * 2 + k + 2,
    })),
  }));
  const nodeByKey = new Map<string, number>();
  for (const n of ledgerNodes) for (const key of n.identifiers) nodeByKey.set(key, n.id);
  const files = new Map<string, string>();
  for (const t of ledgerTransfers) for (const e of t.evidence) files.set(e.sha256, `${e.sha256}.xlsx`);
  return { nodes: ledgerNodes, transfers: ledgerTransfers, links: [], nodeByKey, files };
}

export const card = (i: number): string => `card:4400${String(i).padStart(12, '0')}`;

/**
 * One drop card paid by `buyers` cards (buyer i pays 10,000 ₸ × (i % 5 + 1) on day i % 10), which
 * forwards the takings to a collector every evening; the collector buys USDT on an exchange,
 * which withdraws to a wallet. Node ids: 0 drop, 1 collector, 2 exchange, 3 wallet, 4… buyers.
 */
export function dropLedger(buyers: number): Ledger {
  const nodes: NodeSpec[] = [
    { key: card(1), holder: 'Drop One' },
    { key: card(2), holder: 'Collector Two' },
    { key: 'exchange:Binance UID 1', kind: 'exchange-account' },
    { key: 'tron:TWallet000000000000000000000000001', kind: 'wallet' },
  ];
  const transfers: TransferSpec[] = [];
  const takings = new Array<number>(10).fill(0);
  for (let i = 0; i < buyers; i++) {
    nodes.push({ key: card(1000 + i) });
    const amountMinor = 10_000_00 * ((i % 5) + 1);
    const day = i % 10;
    transfers.push({ from: 4 + i, to: 0, at: T0 + day * DAY + 12 * HOUR + i, amountMinor });
    takings[day] = (takings[day] ?? 0) + amountMinor;
  }
  takings.forEach((sum, day) => {
    if (sum === 0) return;
    const at = T0 + day * DAY + 23 * HOUR;
    transfers.push({ from: 0, to: 1, at, amountMinor: sum });
    transfers.push({
      from: 1,
      to: 2,
      at: at + HOUR,
      amountMinor: sum,
      toCurrency: 'USDT',
      toAmountMinor: sum * 20,
    });
    transfers.push({ from: 2, to: 3, at: at + 2 * HOUR, amountMinor: sum * 20, currency: 'USDT' });
  });
  return ledgerOf(nodes, transfers);
}
