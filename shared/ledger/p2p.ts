/**
 * P2P exchange orders. The buyer pays the seller's card from a bank account, and the payment
 * note names the order ("Покупка USDT P2P, ордер 22598985007529586642"); the exchange's order
 * history gives the crypto credited for it. Together they are one conversion: fiat left the
 * card, USDT arrived in the exchange account, at that order's own rate.
 */
import type { ImportedTransaction } from '../model/statement';
import type { SourceRows } from './row-parties';
import type { RowEvidence } from './types';

export interface P2pOrder {
  exchangeKey: string;
  tx: ImportedTransaction;
  evidence: RowEvidence;
}

/** Order numbers are long digit runs; shorter ones in a note are amounts or dates. */
const ORDER_NUMBER = /\d{10,}/g;

export function p2pOrders(sources: readonly SourceRows[]): Map<string, P2pOrder> {
  const orders = new Map<string, P2pOrder>();
  for (const src of sources) {
    if (src.exchangeKey === null) continue;
    for (const tx of src.source.transactions) {
      if (!tx.orderId || orders.has(tx.orderId)) continue;
      orders.set(tx.orderId, {
        exchangeKey: src.exchangeKey,
        tx,
        evidence: { sha256: src.source.source.sha256, sheet: tx.sheet, row: tx.row },
      });
    }
  }
  return orders;
}

export function orderOfPayment(note: string, orders: ReadonlyMap<string, P2pOrder>): P2pOrder | undefined {
  if (orders.size === 0) return undefined;
  for (const m of note.matchAll(ORDER_NUMBER)) {
    const order = orders.get(m[0]);
    if (order) return order;
  }
  return undefined;
}
