/** Everything one file contributes, gathered as sheets and statements are read. */
import type {
  ImportedTransaction,
  IntegrityCheck,
  RejectedRow,
  RowAccounting,
  StatementAccount,
  TableMapping,
} from '../../model/statement';
import type { PeriodBlock } from './checks';
import { MentionCollector } from './mentions';
import type { ExtractionSink } from './remote-extraction';

export class ImportAccumulator {
  readonly transactions: ImportedTransaction[] = [];
  readonly rejected: RejectedRow[] = [];
  readonly warnings: RejectedRow[] = [];
  readonly accounts: StatementAccount[] = [];
  readonly mappings: TableMapping[] = [];
  readonly checks: IntegrityCheck[] = [];
  readonly periods: PeriodBlock[] = [];
  readonly mentions: MentionCollector;
  readonly rows: RowAccounting = {
    transactions: 0,
    rejected: 0,
    preamble: 0,
    header: 0,
    totals: 0,
    blank: 0,
    other: 0,
  };
  /** Sheets in which a statement table was found. */
  tablesFound = 0;

  constructor(
    readonly fileName: string,
    private readonly onProgress: ((done: number, total: number) => void) | undefined,
    extraction?: ExtractionSink,
  ) {
    this.mentions = new MentionCollector(extraction);
  }

  private total = 0;
  private done = 0;

  setTotal(total: number): void {
    this.total = total;
    this.onProgress?.(0, total);
  }

  advance(rows: number): void {
    this.done = Math.min(this.total, this.done + rows);
    this.onProgress?.(this.done, this.total);
  }

  finish(): void {
    if (this.done < this.total) this.onProgress?.(this.total, this.total);
  }
}
