/**
 * The data rows a mapping decision looks at (decimal marks, a column's type, an explorer export's
 * own wallet): the table's first transaction rows. The scan stops after SAMPLE_SCAN of them, so
 * the decision rests on the top of the table — as the preview's does — and a table read while
 * its file is still being split can be mapped once that many rows are in.
 */
import type { Cell } from './cell';
import type { DetectedTable } from './header';

/** Transaction rows a sample looks through at most, however few of them it takes. */
export const SAMPLE_SCAN = 10_000;

/**
 * Up to `limit` transaction rows that `take` accepts. A table still `growing` is marked `short`
 * when its rows ran out first: a later row could have joined the sample.
 */
export function sampleRows(
  table: DetectedTable,
  limit: number,
  take?: (row: readonly Cell[]) => boolean,
): (readonly Cell[])[] {
  const rows: (readonly Cell[])[] = [];
  let scanned = 0;
  for (let r = table.dataStart; r < table.dataEnd && rows.length < limit && scanned < SAMPLE_SCAN; r++) {
    if (table.rowKinds[r] !== 'transaction') continue;
    scanned++;
    const row = table.rows[r] ?? [];
    if (take === undefined || take(row)) rows.push(row);
  }
  if (table.growing && rows.length < limit && scanned < SAMPLE_SCAN) table.growing.short = true;
  return rows;
}
