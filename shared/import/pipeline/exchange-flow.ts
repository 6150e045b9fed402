/**
 * An exchange's withdrawal or deposit history (Binance "Withdrawal History": Date(UTC), Coin,
 * Network, Amount, TransactionFee, Address, TXID, Status) lists one account's transfers to or
 * from the chain without a direction column: the file itself is the direction. In a withdrawal
 * list the Address is where the coins went (the counterparty); in a deposit list it is the
 * account's own deposit address.
 */
import type { Direction } from '../table/cell';
import type { ColumnMapping } from '../table';

const WITHDRAWALS = /withdraw|вывод|шығар/i;
const DEPOSITS = /deposit|ввод|пополнен|енгіз/i;

export interface ExchangeFlow {
  direction: Direction;
  note: string;
}

/** Reads the list's direction from its sheet or file name; remaps a withdrawal's address column. */
export function exchangeFlow(name: string, mapping: ColumnMapping): ExchangeFlow | null {
  const roles = mapping.roles;
  if (roles.wallet === undefined || roles.txid === undefined) return null;
  if (roles.fromAddress !== undefined || roles.toAddress !== undefined) return null;
  if (roles.credit !== undefined || roles.debit !== undefined || roles.side !== undefined) return null;
  if (roles.operationType !== undefined || mapping.signedAmount) return null;
  const out = WITHDRAWALS.test(name);
  if (out === DEPOSITS.test(name)) return null;
  if (!out) {
    return { direction: 'in', note: `every row read as a deposit: "${name}" names a deposit history` };
  }
  const column = roles.wallet;
  roles.toAddress = column;
  roles.wallet = undefined;
  const assignment = mapping.columns.find((c) => c.index === column);
  if (assignment) assignment.role = 'toAddress';
  return {
    direction: 'out',
    note: `every row read as a withdrawal to the address in column ${assignment?.letter ?? '?'}: "${name}" names a withdrawal history`,
  };
}
