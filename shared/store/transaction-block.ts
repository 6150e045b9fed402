import type { CounterpartyFacts, ImportedTransaction, TransactionDirection } from '../model/statement';

/**
 * Transactions are stored in blocks of columns, not one record per row: IndexedDB's cost is per
 * record (≈7k records/s here), while a block of 10,000 rows in typed arrays writes in
 * milliseconds. Repeated strings (sheet, currency) are dictionary-encoded; free text stays as
 * string arrays. The same block is what the open case keeps in memory for queries and tracing.
 */
export const TRANSACTION_BLOCK_SIZE = 10_000;

export interface TransactionBlock {
  count: number;
  bookedAt: Float64Array;
  amountMinor: Float64Array;
  /** NaN where the statement gave no tenge equivalent / no balance. */
  amountKztMinor: Float64Array;
  balanceMinor: Float64Array;
  /** 1 = in, 0 = out. */
  directionIn: Uint8Array;
  hasTime: Uint8Array;
  row: Uint32Array;
  sheet: Uint16Array;
  currency: Uint16Array;
  /** Dictionary shared by `sheet` and `currency` indexes. */
  dictionary: string[];
  description: string[];
  /** Optional text fields, '' where absent, in a fixed order (see TEXT_FIELDS). */
  text: Record<TextField, string[]>;
}

const TEXT_FIELDS = [
  'knp',
  'ownAccount',
  'txid',
  'network',
  'orderId',
  'column',
  'cpName',
  'cpIdNumber',
  'cpAccount',
  'cpBank',
  'cpCard',
  'cpPhone',
  'cpWallet',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const COUNTERPARTY_FIELDS: readonly [TextField, keyof CounterpartyFacts][] = [
  ['cpName', 'name'],
  ['cpIdNumber', 'idNumber'],
  ['cpAccount', 'account'],
  ['cpBank', 'bank'],
  ['cpCard', 'card'],
  ['cpPhone', 'phone'],
  ['cpWallet', 'wallet'],
];

export function encodeTransactionBlock(transactions: readonly ImportedTransaction[]): TransactionBlock {
  const count = transactions.length;
  const dictionary: string[] = [];
  const dictionaryIndex = new Map<string, number>();
  const indexOf = (value: string) => {
    let index = dictionaryIndex.get(value);
    if (index === undefined) {
      index = dictionary.length;
      if (index > 0xffff)
        throw new Error('a transaction block holds at most 65,536 distinct sheets and currencies');
      dictionary.push(value);
      dictionaryIndex.set(value, index);
    }
    return index;
  };
  const block: TransactionBlock = {
    count,
    bookedAt: new Float64Array(count),
    amountMinor: new Float64Array(count),
    amountKztMinor: new Float64Array(count),
    balanceMinor: new Float64Array(count),
    directionIn: new Uint8Array(count),
    hasTime: new Uint8Array(count),
    row: new Uint32Array(count),
    sheet: new Uint16Array(count),
    currency: new Uint16Array(count),
    dictionary,
    description: new Array<string>(count),
    text: Object.fromEntries(TEXT_FIELDS.map((field) => [field, new Array<string>(count)])) as Record<
      TextField,
      string[]
    >,
  };
  const { text } = block;
  for (let i = 0; i < count; i++) {
    const t = transactions[i] as ImportedTransaction;
    block.bookedAt[i] = t.bookedAt;
    block.amountMinor[i] = t.amountMinor;
    block.amountKztMinor[i] = t.amountKztMinor ?? Number.NaN;
    block.balanceMinor[i] = t.balanceMinor ?? Number.NaN;
    block.directionIn[i] = t.direction === 'in' ? 1 : 0;
    block.hasTime[i] = t.hasTime ? 1 : 0;
    block.row[i] = t.row;
    block.sheet[i] = indexOf(t.sheet);
    block.currency[i] = indexOf(t.currency);
    block.description[i] = t.description;
    text.knp[i] = t.knp ?? '';
    text.ownAccount[i] = t.ownAccount ?? '';
    text.txid[i] = t.txid ?? '';
    text.network[i] = t.network ?? '';
    text.orderId[i] = t.orderId ?? '';
    text.column[i] = t.column ?? '';
    const cp = t.counterparty;
    for (const [field, key] of COUNTERPARTY_FIELDS) text[field][i] = cp[key] ?? '';
  }
  return block;
}

/** One row back as an object, for display and export; queries should read the columns directly. */
export function transactionAt(block: TransactionBlock, i: number): ImportedTransaction {
  // Blocks written before a field existed lack its column: read as absent.
  const text = (field: TextField) => block.text[field]?.[i] || undefined;
  const number = (value: number | undefined) =>
    value === undefined || Number.isNaN(value) ? undefined : value;
  const counterparty: CounterpartyFacts = {};
  for (const [field, key] of COUNTERPARTY_FIELDS) {
    const value = text(field);
    if (value !== undefined) counterparty[key] = value;
  }
  const transaction: ImportedTransaction = {
    sheet: block.dictionary[block.sheet[i] as number] as string,
    row: block.row[i] as number,
    bookedAt: block.bookedAt[i] as number,
    hasTime: block.hasTime[i] === 1,
    direction: (block.directionIn[i] === 1 ? 'in' : 'out') satisfies TransactionDirection,
    amountMinor: block.amountMinor[i] as number,
    currency: block.dictionary[block.currency[i] as number] as string,
    description: block.description[i] as string,
    counterparty,
  };
  const optional = {
    column: text('column'),
    amountKztMinor: number(block.amountKztMinor[i]),
    balanceMinor: number(block.balanceMinor[i]),
    knp: text('knp'),
    ownAccount: text('ownAccount'),
    txid: text('txid'),
    network: text('network'),
    orderId: text('orderId'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (transaction as unknown as Record<string, unknown>)[key] = value;
  }
  return transaction;
}

export function decodeTransactionBlock(block: TransactionBlock): ImportedTransaction[] {
  const out = new Array<ImportedTransaction>(block.count);
  for (let i = 0; i < block.count; i++) out[i] = transactionAt(block, i);
  return out;
}

/** Splits a file's transactions into blocks of at most `size` rows, in file order. */
export function toTransactionBlocks(
  transactions: readonly ImportedTransaction[],
  size: number = TRANSACTION_BLOCK_SIZE,
  /** Rows encoded so far, after each block. */
  onBlock?: (encoded: number) => void,
): TransactionBlock[] {
  const blocks: TransactionBlock[] = [];
  for (let start = 0; start < transactions.length; start += size) {
    blocks.push(encodeTransactionBlock(transactions.slice(start, start + size)));
    onBlock?.(Math.min(transactions.length, start + size));
  }
  return blocks;
}

/** The typed arrays of a block, for zero-copy transfer out of a worker. */
export function transferablesOf(block: TransactionBlock): ArrayBuffer[] {
  return [
    block.bookedAt,
    block.amountMinor,
    block.amountKztMinor,
    block.balanceMinor,
    block.directionIn,
    block.hasTime,
    block.row,
    block.sheet,
    block.currency,
  ].map((array) => array.buffer as ArrayBuffer);
}
