/**
 * The exchange and chain files: Binance's P2P "Order History" CSV (its header keeps Binance's
 * `Couterparty` typo), the account's "Withdrawal History" (the TXID that ties the exchange account
 * to the chain) and a TronScan USDT TRC20 transfer list of the collector's wallet.
 */
import type { Cell } from '../import/table';
import { formatWall } from './render-kit';
import type { ChainTransfer, P2pOrder } from './scenario';
import { BINANCE_P2P_HEADER } from '../import/table/bank-headers';

export function binanceRows(orders: readonly P2pOrder[]): Cell[][] {
  const rows: Cell[][] = [[...BINANCE_P2P_HEADER]];
  for (const o of orders) {
    rows.push([
      o.orderId,
      'Buy',
      'USDT',
      'KZT',
      (o.fiatMinor / 100).toFixed(2),
      (o.priceMinor / 100).toFixed(2),
      (o.quantityMicro / 1_000_000).toFixed(2),
      o.sellerNick,
      'Completed',
      formatWall(o.wall, 'ymd- hms'),
    ]);
  }
  return rows;
}

/** `1,234.567891`: TronScan's own display of a 6-decimal token amount. */
export function usdtText(micro: number): string {
  const whole = String(Math.floor(micro / 1_000_000)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${String(micro % 1_000_000).padStart(6, '0')}`;
}

export function tronScanRows(chain: readonly ChainTransfer[]): Cell[][] {
  const rows: Cell[][] = [['Txn Hash', 'Block', 'Date(UTC)', 'From', 'To', 'Value', 'Token Symbol']];
  // TronScan lists the newest transfer first.
  for (const t of [...chain].reverse()) {
    rows.push([t.txid, t.block, formatWall(t.utc, 'ymd- hms'), t.from, t.to, usdtText(t.micro), 'USDT']);
  }
  return rows;
}

/** Binance lists withdrawals newest first; Amount is what reached the address, the fee is separate. */
export function binanceWithdrawalRows(chain: readonly ChainTransfer[]): Cell[][] {
  const rows: Cell[][] = [
    ['Date(UTC)', 'Coin', 'Network', 'Amount', 'TransactionFee', 'Address', 'TXID', 'Status'],
  ];
  const withdrawals = chain.filter((t) => t.kind === 'withdrawal');
  for (const t of [...withdrawals].reverse()) {
    rows.push([
      formatWall(t.utc - 60_000, 'ymd- hms'),
      'USDT',
      'TRX',
      (t.micro / 1_000_000).toFixed(6),
      '1',
      t.to,
      t.txid,
      'Completed',
    ]);
  }
  return rows;
}
