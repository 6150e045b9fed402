/**
 * A seeded drug-shop ledger of any size, for tests and benchmarks of tracing, patterns and the
 * graph: buyers pay drop cards, drops forward most of it nightly to collectors, collectors buy
 * USDT on an exchange (a converting transfer), the exchange account withdraws to a wallet, and
 * wallets sweep to organizers. Everyone also has ordinary spending, so the trail is never
 * simply "everything". Same options, same ledger, byte for byte.
 */
import { mulberry32 } from '../random/mulberry32';
import type { Ledger, LedgerNode, LedgerTransfer, NodeKind } from './types';

export interface SyntheticOptions {
  seed?: number;
  /** Roughly how many transfers to make (the result is within ten percent). */
  transfers: number;
  drops?: number;
  collectors?: number;
  /** Distinct buyers; defaults to transfers / 8. */
  buyers?: number;
  days?: number;
}

export interface SyntheticLedger extends Ledger {
  /** Node ids by role, so tests can seed a trace and check where the money should be. */
  roles: {
    drops: number[];
    collectors: number[];
    exchange: number;
    wallets: number[];
    organizers: number[];
    buyers: number[];
    merchants: number[];
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = Date.UTC(2024, 8, 2);

export function syntheticLedger(options: SyntheticOptions): SyntheticLedger {
  const random = mulberry32(options.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const target = options.transfers;
  const dropCount = options.drops ?? Math.max(3, Math.round(target / 2_000));
  const collectorCount = options.collectors ?? Math.max(1, Math.round(dropCount / 10));
  const buyerCount = options.buyers ?? Math.max(10, Math.round(target / 8));
  const days = options.days ?? 60;

  const nodes: LedgerNode[] = [];
  const nodeByKey = new Map<string, number>();
  const node = (
    kind: NodeKind,
    idKind: LedgerNode['idKind'],
    value: string,
    extra: Partial<LedgerNode> = {},
  ) => {
    const key = `${idKind}:${value}`;
    const id = nodes.length;
    nodes.push({ id, kind, key, idKind, value, identifiers: [key], hasStatement: false, ...extra });
    nodeByKey.set(key, id);
    return id;
  };
  const card = (i: number) => `4400${String(i).padStart(12, '0')}`;
  let cards = 0;
  const drops = Array.from({ length: dropCount }, (_, i) =>
    node('account', 'card', card(++cards), {
      holder: `Drop ${i + 1}`,
      institution: 'Kaspi Bank',
      hasStatement: true,
    }),
  );
  const collectors = Array.from({ length: collectorCount }, (_, i) =>
    node('account', 'card', card(++cards), {
      holder: `Collector ${i + 1}`,
      institution: 'Halyk Bank',
      hasStatement: true,
    }),
  );
  const buyers = Array.from({ length: buyerCount }, () => node('account', 'card', card(++cards)));
  const merchants = Array.from({ length: 20 }, (_, i) =>
    node('merchant', 'name', `Shop ${i + 1}`, { endPoint: 'merchant' }),
  );
  const exchange = node('exchange-account', 'exchange', 'Binance UID 1001', {
    institution: 'Binance',
    hasStatement: true,
  });
  const wallets = collectors.map((_, i) =>
    node('wallet', 'tron', `TCollector${String(i).padStart(24, '0')}`, {
      institution: 'TRON',
      hasStatement: true,
    }),
  );
  const organizers = [0, 1].map((i) => node('wallet', 'tron', `TOrganizer${String(i).padStart(23, '0')}`));

  type Draft = Omit<LedgerTransfer, 'id' | 'evidence'>;
  const drafts: Draft[] = [];
  const salesPerDay = Math.max(1, Math.round((target * 0.7) / days));
  const noisePerDay = Math.max(1, Math.round((target * 0.2) / days));
  const walletBalance = new Array<number>(wallets.length).fill(0);
  for (let d = 0; d < days; d++) {
    const day = START + d * DAY;
    const takings = new Array<number>(dropCount).fill(0);
    for (let i = 0; i < salesPerDay; i++) {
      const drop = int(0, dropCount - 1);
      const amountMinor = [15_000_00, 25_000_00, 45_000_00][int(0, 2)] as number;
      takings[drop] = (takings[drop] ?? 0) + amountMinor;
      drafts.push({
        from: buyers[Math.floor(buyerCount * random() ** 1.7)] as number,
        to: drops[drop] as number,
        at: day + 10 * HOUR + int(0, 13 * 3600) * 1000,
        amountMinor,
        currency: 'KZT',
        channel: random() < 0.5 ? 'phone' : 'card',
      });
    }
    const received = new Array<number>(collectorCount).fill(0);
    for (let k = 0; k < dropCount; k++) {
      const sum = takings[k] ?? 0;
      if (sum === 0) continue;
      const amountMinor = Math.floor((sum * (0.9 + random() * 0.05)) / 1_000_00) * 1_000_00;
      if (amountMinor === 0) continue;
      const c = k % collectorCount;
      received[c] = (received[c] ?? 0) + amountMinor;
      drafts.push({
        from: drops[k] as number,
        to: collectors[c] as number,
        at: day + 23 * HOUR + int(40 * 60, 59 * 60) * 1000,
        amountMinor,
        currency: 'KZT',
        channel: 'phone',
      });
    }
    for (let c = 0; c < collectorCount; c++) {
      const fiat = Math.floor(((received[c] ?? 0) * 0.96) / 5_000_00) * 5_000_00;
      if (fiat === 0) continue;
      const priceMinor = 488_00 + int(0, 1100);
      const usdtMicro = Math.floor((fiat * 100) / priceMinor) * 10_000;
      const at = day + DAY + 9 * HOUR + int(0, 5400) * 1000;
      drafts.push({
        from: collectors[c] as number,
        to: exchange,
        at,
        amountMinor: fiat,
        currency: 'KZT',
        toAmountMinor: usdtMicro,
        toCurrency: 'USDT',
        channel: 'p2p',
      });
      drafts.push({
        from: exchange,
        to: wallets[c] as number,
        at: at + 2 * HOUR,
        amountMinor: usdtMicro - 1_000_000,
        currency: 'USDT',
        channel: 'chain',
      });
      walletBalance[c] = (walletBalance[c] ?? 0) + usdtMicro - 1_000_000;
      if ((walletBalance[c] ?? 0) > 5_000_000_000) {
        const sweep = Math.floor((walletBalance[c] ?? 0) / 10_000_000) * 10_000_000;
        const first = Math.floor((sweep * 0.7) / 1_000_000) * 1_000_000;
        for (const [o, amountMinor] of [first, sweep - first].entries())
          drafts.push({
            from: wallets[c] as number,
            to: organizers[o] as number,
            at: at + (5 + o) * HOUR,
            amountMinor,
            currency: 'USDT',
            channel: 'chain',
          });
        walletBalance[c] = (walletBalance[c] ?? 0) - sweep;
      }
    }
    // Ordinary life: drops and collectors buy groceries, buyers pay each other.
    for (let i = 0; i < noisePerDay; i++) {
      const spender =
        random() < 0.5
          ? (drops[int(0, dropCount - 1)] as number)
          : (buyers[int(0, buyerCount - 1)] as number);
      drafts.push({
        from: spender,
        to: merchants[int(0, merchants.length - 1)] as number,
        at: day + int(8 * 3600, 22 * 3600) * 1000,
        amountMinor: int(500_00, 20_000_00),
        currency: 'KZT',
        channel: 'pos',
      });
    }
  }

  drafts.sort((a, b) => a.at - b.at || a.from - b.from || a.to - b.to);
  // Every transfer gets the same keys in the same order, so V8 gives them one shape: readers of a
  // million transfers are several times faster than over objects spread from varied drafts.
  const transfers: LedgerTransfer[] = drafts.map((t, id) => {
    const transfer: LedgerTransfer = {
      id,
      from: t.from,
      to: t.to,
      at: t.at,
      amountMinor: t.amountMinor,
      currency: t.currency,
      channel: t.channel,
      evidence: [{ sha256: 'synthetic', sheet: 'ledger', row: id + 2 }],
    };
    if (t.toAmountMinor !== undefined && t.toCurrency !== undefined) {
      transfer.toAmountMinor = t.toAmountMinor;
      transfer.toCurrency = t.toCurrency;
    }
    return transfer;
  });
  return {
    nodes,
    transfers,
    links: [],
    nodeByKey,
    files: new Map([['synthetic', 'synthetic.csv']]),
    roles: { drops, collectors, exchange, wallets, organizers, buyers, merchants },
  };
}
