/** Small tables (sources, audit) are NDJSON: one record per line, readable with any text tool. */
export function toNdjson(records: readonly unknown[]): string {
  let out = '';
  for (const r of records) out += JSON.stringify(r) + '\n';
  return out;
}

/** Parses NDJSON; throws with the 1-based line number of the first bad line. */
export function fromNdjson(text: string): unknown[] {
  if (text === '') return [];
  if (!text.endsWith('\n')) throw new Error('last line is not terminated (file cut short?)');
  const lines = text.slice(0, -1).split('\n');
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new Error(`line ${i + 1} is not valid JSON`);
    }
  });
}
