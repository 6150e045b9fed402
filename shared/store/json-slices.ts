/**
 * JSON.stringify of a record whose arrays can be long (a source's 300,000 invalid identifiers),
 * as UTF-8, written a slice at a time with `pause` awaited between slices: in a worker that is
 * where progress is reported, instead of one silent multi-second call. Each slice is encoded as it
 * is written, so no ~60M-character text is joined and encoded at the end (a spell of its own).
 * The bytes are exactly those of JSON.stringify(record)'s text (a test compares them), so readers
 * need not know it was sliced.
 */
export const JSON_SLICE = 20_000;

const encoder = new TextEncoder();

export async function jsonBytesInSlices(
  record: Readonly<Record<string, unknown>>,
  pause: (itemsWritten: number) => Promise<void>,
  slice = JSON_SLICE,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const write = (text: string): void => void parts.push(encoder.encode(text));
  let written = 0;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    write(`${parts.length === 0 ? '{' : ','}${JSON.stringify(key)}:`);
    if (!isSliced(value, slice)) {
      write(JSON.stringify(value));
      continue;
    }
    for (let i = 0; i < value.length; i += slice) {
      // Each slice's own brackets come off; undefined items become null in both forms.
      const items = JSON.stringify(value.slice(i, i + slice)).slice(1, -1);
      write(`${i === 0 ? '[' : ','}${items}${i + slice >= value.length ? ']' : ''}`);
      written += Math.min(slice, value.length - i);
      await pause(written);
    }
  }
  write(parts.length === 0 ? '{}' : '}');
  let length = 0;
  for (const part of parts) length += part.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
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
