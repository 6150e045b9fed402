/**
 * The investigator's answer key: what the scenario planted and how much moved along each hop.
 * Computed from the ledger, so the README can never disagree with the files.
 */
import type { Scenario } from './scenario';

export interface DropSummary {
  key: string;
  name: string;
  card: string;
  phone: string;
  iban: string;
  sales: number;
  salesMinor: number;
  forwards: number;
  forwardsByPhone: number;
  forwardsByCard: number;
  forwardedMinor: number;
}

export interface CaseSummary {
  buyers: number;
  salesByPrice: Map<number, number>;
  drops: DropSummary[];
  collectorReceivedMinor: number;
  p2p: { orders: number; fiatMinor: number; usdtMicro: number; sellers: number };
  withdrawals: { count: number; usdtMicro: number };
  organizers: { wallet: string; transfers: number; usdtMicro: number }[];
  noiseRows: number;
}

export function describeCase(s: Scenario): CaseSummary {
  const sales = s.transfers.filter((t) => t.hop === 'sale');
  const salesByPrice = new Map<number, number>();
  for (const t of sales) salesByPrice.set(t.amountMinor, (salesByPrice.get(t.amountMinor) ?? 0) + 1);
  const drops = s.drops.map((key): DropSummary => {
    const p = s.people.get(key);
    if (!p) throw new Error(`unknown drop ${key}`);
    const mine = sales.filter((t) => t.to === key);
    const fwd = s.transfers.filter((t) => t.hop === 'forward' && t.from === key);
    return {
      key,
      name: p.name,
      card: p.card,
      phone: p.phone,
      iban: p.iban,
      sales: mine.length,
      salesMinor: sum(mine.map((t) => t.amountMinor)),
      forwards: fwd.length,
      forwardsByPhone: fwd.filter((t) => t.channel === 'phone').length,
      forwardsByCard: fwd.filter((t) => t.channel === 'card').length,
      forwardedMinor: sum(fwd.map((t) => t.amountMinor)),
    };
  });
  const withdrawals = s.chain.filter((c) => c.kind === 'withdrawal');
  return {
    buyers: new Set(sales.map((t) => t.from)).size,
    salesByPrice,
    drops,
    collectorReceivedMinor: sum(drops.map((d) => d.forwardedMinor)),
    p2p: {
      orders: s.orders.length,
      fiatMinor: sum(s.orders.map((o) => o.fiatMinor)),
      usdtMicro: sum(s.orders.map((o) => o.quantityMicro)),
      sellers: new Set(s.orders.map((o) => o.seller)).size,
    },
    withdrawals: { count: withdrawals.length, usdtMicro: sum(withdrawals.map((c) => c.micro)) },
    organizers: s.wallets.organizers.map((wallet) => {
      const sent = s.chain.filter((c) => c.kind === 'organizer' && c.to === wallet);
      return { wallet, transfers: sent.length, usdtMicro: sum(sent.map((c) => c.micro)) };
    }),
    noiseRows: s.transfers.filter((t) => t.hop === 'noise').length,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
