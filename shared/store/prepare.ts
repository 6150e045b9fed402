import type {
  ImportedTransaction,
  InvalidMention,
  IntegrityCheck,
  RejectedRow,
  RowAccounting,
  SourceFile,
  StatementAccount,
  StatementImport,
  TableMapping,
} from '../model/statement';
import { holderFactsOf, type HolderFact } from '../resolve/holders';
import { distinctIdentifiersInBlocks, encodeMentionBlock, type MentionBlock } from './mention-block';
import { toTransactionBlocks, TRANSACTION_BLOCK_SIZE, type TransactionBlock } from './transaction-block';

/** Money in and out of one file, per currency, as positive minor units. */
export type CurrencyTotals = Record<string, { creditMinor: number; debitMinor: number }>;

/** Everything about a source except its rows: small enough to list and show at once. */
export interface StoredSourceDetails extends SourceFile {
  accounts: StatementAccount[];
  mappings: TableMapping[];
  checks: IntegrityCheck[];
  rows: RowAccounting;
  rejected: RejectedRow[];
  warnings: RejectedRow[];
  invalid: InvalidMention[];
  /** Who holds which card/account/phone, as this file states it (absent on sources stored before it existed). */
  holders?: HolderFact[];
  totals: CurrencyTotals;
  transactionCount: number;
  mentionCount: number;
  /** Distinct identifiers (kind + value) this file mentions. */
  identifierCount: number;
  blockCount: number;
  mentionBlockCount: number;
}

export interface PreparedImport {
  details: StoredSourceDetails;
  blocks: TransactionBlock[];
  mentionBlocks: MentionBlock[];
}

export const MENTION_BLOCK_SIZE = 50_000;

export function currencyTotals(transactions: readonly ImportedTransaction[]): CurrencyTotals {
  const totals: CurrencyTotals = {};
  for (const t of transactions) {
    const entry = (totals[t.currency] ??= { creditMinor: 0, debitMinor: 0 });
    if (t.direction === 'in') entry.creditMinor += t.amountMinor;
    else entry.debitMinor += t.amountMinor;
  }
  return totals;
}

/** Shapes one file's import for the store: small details record, column blocks, mention blocks. */
export function prepareForStore(
  result: StatementImport,
  blockSize: number = TRANSACTION_BLOCK_SIZE,
  /** Called after each block, with transactions plus mentions encoded so far: big files take seconds here. */
  onProgress?: (done: number, total: number) => void,
): PreparedImport {
  // Blocks, then mention blocks, then the holder facts and identifier count (a pass over the
  // rows that takes seconds at a million: counted as one more transactions' worth of work).
  const fullTotal = 2 * result.transactions.length + result.mentions.length;
  const blocks = toTransactionBlocks(result.transactions, blockSize, (encoded) =>
    onProgress?.(encoded, fullTotal),
  );
  const mentionBlocks: MentionBlock[] = [];
  for (let start = 0; start < result.mentions.length; start += MENTION_BLOCK_SIZE) {
    mentionBlocks.push(encodeMentionBlock(result.mentions.slice(start, start + MENTION_BLOCK_SIZE)));
    onProgress?.(
      result.transactions.length + Math.min(result.mentions.length, start + MENTION_BLOCK_SIZE),
      fullTotal,
    );
  }
  const total = result.transactions.length + result.mentions.length;
  const rows = result.transactions.length;
  const holders = holderFactsOf(result, (done) => onProgress?.(total + Math.floor(done / 2), fullTotal));
  onProgress?.(total + Math.ceil(rows / 2), fullTotal);
  const identifierCount = distinctIdentifiersInBlocks(mentionBlocks);
  onProgress?.(fullTotal, fullTotal);
  return {
    details: {
      ...result.source,
      accounts: result.accounts,
      mappings: result.mappings,
      checks: result.checks,
      rows: result.rows,
      rejected: result.rejected,
      warnings: result.warnings,
      invalid: result.invalid,
      holders,
      totals: currencyTotals(result.transactions),
      transactionCount: result.transactions.length,
      mentionCount: result.mentions.length,
      identifierCount,
      blockCount: blocks.length,
      mentionBlockCount: mentionBlocks.length,
    },
    blocks,
    mentionBlocks,
  };
}
