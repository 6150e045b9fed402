/** Seeded exchange and chain exports: a Binance-style P2P order history and a TronScan-style USDT TRC20 list. */
import type { Cell } from './cell';
import type { ExpectedTransaction, Fixture } from './fixture-kit';
import { bookedAt, formatWall, person, pick, rng, times } from './fixture-kit';
import { BINANCE_P2P_HEADER } from './bank-headers';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A TRON-looking address (shape only; checksums are validated elsewhere). */
export function tronAddress(random: () => number): string {
  let text = 'T';
  while (text.length < 34) text += pick(random, [...BASE58]);
  return text;
}

function hex(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += Math.floor(random() * 16).toString(16);
  return text;
}

/** Binance P2P "Order History" export (its real header keeps the `Couterparty` typo). */
export function binanceP2pFixture(seed = 10, count = 8): Fixture {
  const random = rng(seed);
  const rows: Cell[][] = [[...BINANCE_P2P_HEADER]];
  const exp: ExpectedTransaction[] = [];
  for (const t of times(random, Date.UTC(2024, 5, 1), count)) {
    const side = random() < 0.5 ? 'Buy' : 'Sell';
    const quantity = (50 + Math.floor(random() * 2000)) * 1_000_000 + Math.floor(random() * 100) * 10_000; // micro-USDT
    const priceMinor = 47_000 + Math.floor(random() * 2000); // tiyn per USDT
    const totalMinor = Math.round((quantity / 1_000_000) * priceMinor);
    const name = person(random);
    rows.push([
      `2259${hex(random, 15).replace(/[a-f]/g, '7')}`,
      side,
      'USDT',
      'KZT',
      (totalMinor / 100).toFixed(2),
      (priceMinor / 100).toFixed(2),
      (quantity / 1_000_000).toFixed(2),
      name,
      'Completed',
      formatWall(t.wall, 'ymd- hms'),
    ]);
    exp.push({
      row: rows.length,
      bookedAt: bookedAt(t.wall),
      hasTime: true,
      amountMinor: quantity,
      direction: side === 'Buy' ? 'in' : 'out',
      currency: 'USDT',
      amountKztMinor: totalMinor,
      description: '',
      counterparty: { name },
    });
  }
  return { name: 'binance-p2p-orders.valid', sheets: [{ name: 'Order History', rows, expected: exp }] };
}

/** TronScan TRC20 transfers of one wallet: `Date(UTC)`, `From`, `To`, `Value`, `Token Symbol`. */
export function tronScanFixture(seed = 11, count = 10): Fixture {
  const random = rng(seed);
  const wallet = tronAddress(random);
  const rows: Cell[][] = [['Txn Hash', 'Block', 'Date(UTC)', 'From', 'To', 'Value', 'Token Symbol']];
  const exp: ExpectedTransaction[] = [];
  for (const t of times(random, Date.UTC(2024, 6, 1), count)) {
    const other = tronAddress(random);
    const out = random() < 0.5;
    const micro = (10 + Math.floor(random() * 20000)) * 1_000_000 + Math.floor(random() * 1_000_000);
    const whole = Math.floor(micro / 1_000_000);
    const value = `${whole.toLocaleString('en-US')}.${String(micro % 1_000_000).padStart(6, '0')}`;
    rows.push([
      hex(random, 64),
      60_000_000 + Math.floor(random() * 1e6),
      formatWall(t.wall, 'ymd- hms'),
      out ? wallet : other,
      out ? other : wallet,
      value,
      'USDT',
    ]);
    exp.push({
      row: rows.length,
      bookedAt: bookedAt(t.wall, 'UTC'),
      hasTime: true,
      amountMinor: micro,
      direction: out ? 'out' : 'in',
      currency: 'USDT',
      description: '',
      ownAccount: wallet,
      counterparty: { account: other },
    });
  }
  return {
    name: 'tronscan-usdt-trc20.valid',
    sheets: [{ name: 'transfers', rows, context: { ownAccount: wallet }, expected: exp }],
  };
}
