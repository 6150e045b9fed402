/**
 * The demo case «Магазин «Снежок», Алматы» as a ledger of who paid whom, when and how much.
 * Buyers pay the shop's three drop cards at fixed prices; each night every drop forwards most of
 * the day's takings to one collector; each morning the collector buys USDT on Binance P2P, withdraws
 * it to a TRON wallet, and every few days sends it on to two organizer wallets. Noise rows
 * (groceries, taxis, salary, utilities) make sure the trail is not simply "everything".
 *
 * Pure and seeded: the same seed gives the same case, down to the byte of every rendered file.
 * Times are Almaty wall-clock (UTC+5 in 2024) stored as if they were UTC ms; chain times are UTC.
 */
import type { Company, Person } from './cast';
import { buyerBank, Registry } from './cast';
import type { Random } from './ids';
import { hex, int, pick, rng, tronAddress } from './ids';
import { addNoise } from './noise';

export const DEMO_SEED = 20240902;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Almaty was UTC+5 for all of autumn 2024. */
export const ALMATY_OFFSET = 5 * HOUR;
export const SHOP_PRICES = [15_000_00, 25_000_00, 45_000_00] as const;

/** How the money moved: decides the wording on each side of the transfer. */
export type Channel = 'card' | 'phone' | 'pos' | 'account';
export type Hop = 'sale' | 'forward' | 'p2p' | 'noise';

export interface Transfer {
  id: number;
  wall: number;
  from: string;
  to: string;
  amountMinor: number;
  channel: Channel;
  hop: Hop;
  /** Free text the payer typed or the bank added (P2P order reference, salary month). */
  note?: string;
  knp: string;
}

export interface P2pOrder {
  orderId: string;
  wall: number;
  /** KZT tiyn the collector paid (the bank transfer amount). */
  fiatMinor: number;
  /** Tiyn per 1 USDT. */
  priceMinor: number;
  /** Micro-USDT credited on Binance (floored to 0.01 USDT). */
  quantityMicro: number;
  seller: string;
  sellerNick: string;
  transferId: number;
}

export interface ChainTransfer {
  /** UTC wall-clock ms. */
  utc: number;
  from: string;
  to: string;
  micro: number;
  txid: string;
  block: number;
  kind: 'withdrawal' | 'organizer' | 'noise';
}

export interface Scenario {
  seed: number;
  periodFrom: number;
  periodTo: number;
  people: Map<string, Person>;
  companies: Map<string, Company>;
  drops: [string, string, string];
  collector: string;
  buyers: string[];
  sellers: string[];
  wallets: { collector: string; binanceHot: string; organizers: [string, string]; noise: string[] };
  transfers: Transfer[];
  orders: P2pOrder[];
  chain: ChainTransfer[];
  openingMinor: Map<string, number>;
}

const START = Date.UTC(2024, 8, 2); // Monday 2 September 2024
const DAYS = 42;
const NICKS = ['AlmatyCryptoKZ', 'Tenge_Exchange', 'QazP2P', 'USDT_Fast_KZ', 'SteppeTrader', 'Nomad_OTC'];

export function buildScenario(seed = DEMO_SEED): Scenario {
  const random = rng(seed);
  const reg = new Registry(random);
  const people = new Map<string, Person>();
  const add = (p: Person): string => (people.set(p.key, p), p.key);

  const drops: [string, string, string] = [
    add(reg.person('drop1', 'kaspi', 'Нурланова Айгерим Маратовна', true)),
    add(reg.person('drop2', 'kaspi', 'Сейткали Данияр Ерланович', false)),
    add(reg.person('drop3', 'freedom', 'Жумабаева Асель Сериковна', true)),
  ];
  const collector = add(reg.person('collector', 'halyk', 'Касымов Арман Болатович', false));
  const buyers = Array.from({ length: 400 }, (_, i) => add(reg.person(`buyer${i + 1}`, buyerBank(random))));
  const sellers = NICKS.map((_, i) => add(reg.person(`seller${i + 1}`, i % 3 === 2 ? 'halyk' : 'kaspi')));

  const wallets = {
    collector: tronAddress(random),
    binanceHot: tronAddress(random),
    organizers: [tronAddress(random), tronAddress(random)] as [string, string],
    noise: Array.from({ length: 4 }, () => tronAddress(random)),
  };

  const transfers: Transfer[] = [];
  const push = (t: Omit<Transfer, 'id'>): Transfer => {
    const full = { ...t, id: transfers.length + 1 };
    transfers.push(full);
    return full;
  };

  sales(random, buyers, people, drops, push);
  forwards(random, transfers, drops, collector, push);
  const orders = p2pOrders(random, transfers, collector, sellers, push);
  const chain = chainTransfers(random, orders, wallets);
  const companies = addNoise(random, reg, people, drops, collector, START, DAYS, push);

  // Number transfers in time order so ids read like a journal; orders follow their transfer.
  transfers.sort((a, b) => a.wall - b.wall || a.id - b.id);
  const renumber = new Map(transfers.map((t, i) => [t.id, i + 1]));
  for (const t of transfers) t.id = renumber.get(t.id) ?? t.id;
  for (const o of orders) o.transferId = renumber.get(o.transferId) ?? o.transferId;

  const openingMinor = new Map<string, number>([
    ['drop1', 18_450_00],
    ['drop2', 7_320_50],
    ['drop3', 12_004_00],
    ['collector', 146_780_25],
  ]);
  return {
    seed,
    periodFrom: Date.UTC(2024, 8, 1),
    periodTo: Date.UTC(2024, 9, 15),
    people,
    companies,
    drops,
    collector,
    buyers,
    sellers,
    wallets,
    transfers,
    orders,
    chain,
    openingMinor,
  };
}

type Push = (t: Omit<Transfer, 'id'>) => Transfer;

/** Skewed choice: a few regulars buy often, most buyers once or twice. */
function buyerIndex(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(n * random() ** 1.7));
}

function price(random: Random): number {
  const r = random();
  const one = r < 0.45 ? SHOP_PRICES[0] : r < 0.8 ? SHOP_PRICES[1] : SHOP_PRICES[2];
  // One order in ten is two items: still an exact sum of the price list.
  return random() < 0.1 ? one + pick(random, SHOP_PRICES) : one;
}

function sales(
  random: Random,
  buyers: string[],
  people: Map<string, Person>,
  drops: readonly string[],
  push: Push,
): void {
  for (let d = 0; d < DAYS; d++) {
    const count = int(random, 32, 48);
    for (let i = 0; i < count; i++) {
      const buyer = buyers[buyerIndex(random, buyers.length)] as string;
      const r = random();
      // Drop 3 joined in the second week; before that the shop showed only drops 1 and 2.
      const drop =
        d < 7 ? (r < 0.55 ? drops[0] : drops[1]) : r < 0.4 ? drops[0] : r < 0.72 ? drops[1] : drops[2];
      const kaspiBuyer = people.get(buyer)?.bank === 'kaspi';
      push({
        wall: START + d * DAY + 10 * HOUR + int(random, 0, 13 * 60 + 20) * MINUTE + int(random, 0, 59) * 1000,
        from: buyer,
        to: drop as string,
        amountMinor: price(random),
        channel: kaspiBuyer && random() < 0.5 ? 'phone' : 'card',
        hop: 'sale',
        knp: '119',
      });
    }
  }
}

/** Each night at 23:40–23:59 a drop sends 90–95% of the day's takings, rounded down to 1 000 ₸. */
function forwards(
  random: Random,
  all: readonly Transfer[],
  drops: readonly string[],
  collector: string,
  push: Push,
): void {
  for (const drop of drops) {
    for (let d = 0; d < DAYS; d++) {
      const dayStart = START + d * DAY;
      const takings = all
        .filter((t) => t.hop === 'sale' && t.to === drop && t.wall >= dayStart && t.wall < dayStart + DAY)
        .reduce((s, t) => s + t.amountMinor, 0);
      if (takings === 0) continue;
      const total = Math.floor((takings * (0.9 + random() * 0.05)) / 1_000_00) * 1_000_00;
      const parts = total > 600_000_00 ? 3 : total > 250_000_00 ? 2 : 1;
      let left = total;
      for (let p = 0; p < parts; p++) {
        const amount = p === parts - 1 ? left : Math.round(total / parts / 1_000_00) * 1_000_00;
        left -= amount;
        push({
          wall: dayStart + 23 * HOUR + (40 + p * 6 + int(random, 0, 4)) * MINUTE + int(random, 0, 59) * 1000,
          from: drop,
          to: collector,
          amountMinor: amount,
          channel: random() < 0.55 ? 'phone' : 'card',
          hop: 'forward',
          knp: '119',
        });
      }
    }
  }
}

/** Each morning the collector turns yesterday's receipts (minus a 3–5% cut) into USDT. */
function p2pOrders(
  random: Random,
  all: readonly Transfer[],
  collector: string,
  sellers: readonly string[],
  push: Push,
): P2pOrder[] {
  const orders: P2pOrder[] = [];
  for (let d = 1; d <= DAYS; d++) {
    const prev = START + (d - 1) * DAY;
    const received = all
      .filter((t) => t.hop === 'forward' && t.to === collector && t.wall >= prev && t.wall < prev + DAY)
      .reduce((s, t) => s + t.amountMinor, 0);
    let budget = Math.floor((received * (0.95 + random() * 0.02)) / 5_000_00) * 5_000_00;
    let wall = START + d * DAY + 9 * HOUR + int(random, 0, 90) * MINUTE;
    while (budget >= 50_000_00) {
      const fiat = Math.min(budget, int(random, 30, 120) * 5_000_00);
      budget -= fiat;
      const s = int(random, 0, sellers.length - 1);
      const priceMinor = 488_00 + int(random, 0, 1100);
      const quantityCents = Math.floor((fiat * 100) / priceMinor);
      const orderId = `2259${String(8 + Math.floor(d / 30))}${String(int(random, 0, 999_999_999)).padStart(9, '0')}${String(int(random, 0, 999_999)).padStart(6, '0')}`;
      const seller = sellers[s] as string;
      const transfer = push({
        wall: wall + int(random, 60, 180) * 1000,
        from: collector,
        to: seller,
        amountMinor: fiat,
        channel: 'card',
        hop: 'p2p',
        note: orderId,
        knp: '119',
      });
      orders.push({
        orderId,
        wall,
        fiatMinor: fiat,
        priceMinor,
        quantityMicro: quantityCents * 10_000,
        seller,
        sellerNick: NICKS[s] as string,
        transferId: transfer.id,
      });
      wall += int(random, 12, 40) * MINUTE;
    }
  }
  return orders;
}

const WITHDRAWAL_FEE = 1_000_000;

/**
 * The morning's USDT leaves Binance in one withdrawal (minus the 1 USDT fee) to the collector's
 * wallet; when the wallet holds over 5 000 USDT it is swept 70/30 to the two organizers.
 */
function chainTransfers(
  random: Random,
  orders: readonly P2pOrder[],
  w: Scenario['wallets'],
): ChainTransfer[] {
  const chain: ChainTransfer[] = [];
  const tx = (utc: number, from: string, to: string, micro: number, kind: ChainTransfer['kind']): void => {
    // TRON makes a block every 3 seconds.
    const block = 65_120_000 + Math.floor((utc - START) / 3000);
    chain.push({ utc, from, to, micro, txid: hex(random, 32), block, kind });
  };
  const byDay = new Map<number, P2pOrder[]>();
  for (const o of orders) {
    const day = Math.floor(o.wall / DAY);
    byDay.set(day, [...(byDay.get(day) ?? []), o]);
  }
  let balance = 0;
  for (const [, list] of [...byDay].sort((a, b) => a[0] - b[0])) {
    const last = list[list.length - 1] as P2pOrder;
    const bought = list.reduce((s, o) => s + o.quantityMicro, 0);
    const utc = last.wall - ALMATY_OFFSET + int(random, 30, 90) * MINUTE;
    tx(utc, w.binanceHot, w.collector, bought - WITHDRAWAL_FEE, 'withdrawal');
    balance += bought - WITHDRAWAL_FEE;
    if (balance > 5_000_000_000) {
      const sweep = Math.floor(balance / 1_000_000 / 10) * 10 * 1_000_000;
      const first = Math.floor((sweep * 0.7) / 1_000_000) * 1_000_000;
      tx(utc + int(random, 2, 5) * HOUR, w.collector, w.organizers[0], first, 'organizer');
      tx(utc + int(random, 5, 8) * HOUR, w.collector, w.organizers[1], sweep - first, 'organizer');
      balance -= sweep;
    }
  }
  // Dust from look-alike addresses (address poisoning) and a friend's unrelated payment.
  for (let i = 0; i < 6; i++) {
    const utc = START + int(random, 2, DAYS - 1) * DAY + int(random, 0, 23) * HOUR;
    tx(utc, pick(random, w.noise), w.collector, int(random, 1, 10_000), 'noise');
  }
  tx(START + 20 * DAY + 15 * HOUR, w.noise[0] as string, w.collector, 150_000_000, 'noise');
  return chain.sort((a, b) => a.utc - b.utc);
}
