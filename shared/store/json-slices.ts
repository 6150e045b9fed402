/**
 * JSON.stringify of a record whose arrays can be long (a source's 300,000 invalid identifiers),
 * written a slice at a time with `pause` awaited between slices: in a worker that is where
 * progress is reported, instead of one silent multi-second call. The text is exactly
 * JSON.stringify(record)'s (a test compares them), so readers need not know it was sliced.
 */
export const JSON_SLICE = 20_000;

export async function stringifyInSlices(
  record: Readonly<Record<string, unknown>>,
  pause: (itemsWritten: number) => Promise<void>,
  slice = JSON_SLICE,
): Promise<string> {
  const parts: string[] = [];
  let written = 0;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    parts.push(`${parts.length === 0 ? '{' : ','}${JSON.stringify(key)}:`);
    if (!isSliced(value, slice)) {
      parts.push(JSON.stringify(value));
      continue;
    }
    const pieces: string[] = [];
    for (let i = 0; i < value.length; i += slice) {
      // Each slice's own brackets come off; undefined items become null in both forms.
      pieces.push(JSON.stringify(value.slice(i, i + slice)).slice(1, -1));
      written += Math.min(slice, value.length - i);
      await pause(written);
    }
    parts.push(`[${pieces.join(',')}]`);
  }
  return parts.length === 0 ? '{}' : `${parts.join('')}}`;
}

/** Items of the record's arrays that stringifyInSlices writes slice by slice (for a progress total). */
export function slicedItems(record: Readonly<Record<string, unknown>>, slice = JSON_SLICE): number {
  let items = 0;
  for (const value of Object.values(record)) if (isSliced(value, slice)) items += value.length;
  return items;
}

/** The one rule both use, so the progress total is what the writer reports. */
function isSliced(value: unknown, slice: number): value is unknown[] {
  return Array.isArray(value) && value.length > slice;
}
