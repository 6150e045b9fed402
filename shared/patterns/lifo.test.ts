import { describe, expect, it } from 'vitest';
import { toColumns } from './columns';
import { lifoFlow } from './lifo';
import { HOUR, kzt, LedgerBuilder, T0, usdt } from './test-support';

function flowOf(b: LedgerBuilder, node: number, opening?: Record<string, number>) {
  const ledger = b.build();
  const ids = (side: 'from' | 'to') => ledger.transfers.filter((t) => t[side] === node).map((t) => t.id);
  const flow = lifoFlow(toColumns(ledger), ids('to'), ids('from'), opening);
  return flow.pieceIn.map((from, i) => [from, flow.pieceOut[i], flow.pieceAmount[i]]);
}

describe('lifoFlow', () => {
  it('sends the newest money first and leaves the float where it is', () => {
    const b = new LedgerBuilder();
    const [a, c, node, out] = [b.card(), b.card(), b.card(), b.card()];
    b.pay(a, node, T0, kzt(500)); // 0: the float
    b.pay(c, node, T0 + HOUR, kzt(300)); // 1
    b.pay(node, out, T0 + 2 * HOUR, kzt(400)); // 2: 300 from #1, then 100 from the float
    expect(flowOf(b, node)).toEqual([
      [1, 2, kzt(300)],
      [0, 2, kzt(100)],
    ]);
  });

  it('keeps currencies apart and uses the converted amount of a P2P order', () => {
    const b = new LedgerBuilder();
    const [card, node, wallet] = [b.card(), b.exchange('UID'), b.node('wallet', 'tron:T1')];
    b.pay(card, node, T0, kzt(50_000), { channel: 'p2p', toAmountMinor: usdt(100), toCurrency: 'USDT' });
    b.pay(b.card(), node, T0 + HOUR, kzt(10_000)); // tenge: not what the USDT withdrawal takes
    b.pay(node, wallet, T0 + 2 * HOUR, usdt(99), { currency: 'USDT', channel: 'chain' });
    expect(flowOf(b, node)).toEqual([[0, 2, usdt(99)]]);
  });

  it('takes the opening balance last and does not report it as a piece', () => {
    const b = new LedgerBuilder();
    const [a, node, out] = [b.card(), b.card(), b.card()];
    b.pay(a, node, T0, kzt(100));
    b.pay(node, out, T0 + HOUR, kzt(150));
    expect(flowOf(b, node, { KZT: kzt(1_000) })).toEqual([[0, 1, kzt(100)]]);
  });

  it('leaves an outflow larger than what came in unattributed beyond what it had', () => {
    const b = new LedgerBuilder();
    const [a, node, out] = [b.card(), b.card(), b.card()];
    b.pay(node, out, T0, kzt(70)); // before anything came in
    b.pay(a, node, T0 + HOUR, kzt(100));
    b.pay(node, out, T0 + 2 * HOUR, kzt(250));
    expect(flowOf(b, node)).toEqual([[1, 2, kzt(100)]]);
  });
});
