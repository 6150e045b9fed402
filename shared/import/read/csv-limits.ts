/**
 * The limits a CSV's records must keep (lines, fields in a line, filled cells), counted as the
 * records come — all at once or slice by slice — with one refusal chosen as a single look at the
 * whole file would: the line count first, then the first line too wide, then the cell count.
 */
import { ImportError } from './errors';
import type { ImportLimits } from './limits';
import { limitReason } from './limits';

export class CsvLimits {
  private records = 0;
  private cells = 0;
  private wide: { line: number; fields: number } | null = null;

  constructor(
    private readonly limits: ImportLimits,
    private readonly fileName: string,
  ) {}

  /** `lineOf(i)`: the line record `first + i` starts on. */
  count(rows: readonly (readonly string[])[], first: number, lineOf: (index: number) => number): void {
    const { maxColumns } = this.limits;
    let cells = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? [];
      if (row.length > maxColumns && this.wide === null)
        this.wide = { line: lineOf(first + r), fields: row.length };
      for (const cell of row) if (cell !== '') cells++;
    }
    this.records += rows.length;
    this.cells += cells;
  }

  /** Some limit is already broken: what is left of the file need only be counted. */
  get broken(): boolean {
    return (
      this.records > this.limits.maxRowsPerSheet || this.wide !== null || this.cells > this.limits.maxCells
    );
  }

  /** Once every record is counted: the refusal, if any. */
  refusal(): ImportError | null {
    const { limits, fileName } = this;
    const count = (n: number): string => n.toLocaleString('en-US');
    if (this.records > limits.maxRowsPerSheet) {
      return new ImportError({
        file: fileName,
        reason: limitReason(
          'the line count',
          count(this.records),
          `${count(limits.maxRowsPerSheet)} rows`,
          'maxRowsPerSheet',
        ),
      });
    }
    if (this.wide !== null) {
      return new ImportError({
        file: fileName,
        row: this.wide.line,
        reason: limitReason(
          'the number of fields in this line',
          count(this.wide.fields),
          `${count(limits.maxColumns)} columns`,
          'maxColumns',
        ),
      });
    }
    if (this.cells > limits.maxCells) {
      return new ImportError({
        file: fileName,
        reason: limitReason(
          'the number of filled cells',
          count(this.cells),
          `${count(limits.maxCells)} cells`,
          'maxCells',
        ),
      });
    }
    return null;
  }
}
