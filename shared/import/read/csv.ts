/**
 * Delimited text → rows of strings, each with the line it starts on. Cells stay text: the table
 * core's parsers read `5 000,00` and `03.01.2024` better than any generic auto-typing would.
 */
import Papa from 'papaparse';

export interface CsvRead {
  rows: string[][];
  /** `lines[i]`: the 1-based line record i starts on; null when record i is simply line i + 1. */
  lines: Int32Array | null;
  delimiter: string;
  /** Structural problems papaparse reported (an unclosed quote), with the line they start on. */
  problems: { line: number; message: string }[];
}

export const DELIMITERS = [';', ',', '\t', '|'] as const;
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 50;

/** Cells as text, every line kept (blank lines are counted as such), `"` quotes. */
const CONFIG = { header: false, dynamicTyping: false, skipEmptyLines: false, quoteChar: '"' } as const;

/**
 * Characters split at a time by splitCsv: a few hundred records, read and let go before the next
 * slice is split. Their rows then die young; with 8M-character slices they lived long enough to be
 * promoted to V8's old generation, where a million-row statement left ~800 MB of dead rows (and
 * ran ~20 % slower). 128K, 256K, 1M and 8M were measured: 256K was fastest.
 */
export const PARSE_SLICE_CHARS = 256 * 1024;

/** `maxRecords` > 0 reads only the first records (the preview). A large file is split by splitCsv. */
export function readCsv(text: string, delimiter: string = detectDelimiter(text), maxRecords = 0): CsvRead {
  const result = Papa.parse<string[]>(text, { ...CONFIG, delimiter, preview: maxRecords });
  const rows = result.data;
  const last = rows[rows.length - 1];
  if (last !== undefined && last.length === 1 && last[0] === '') rows.pop();
  const newline = result.meta.linebreak === '\r' ? '\r' : '\n';
  const lines = maxRecords > 0 ? lineNumbersByScan(rows, newline) : lineNumbers(text, rows, newline);
  const problems = result.errors.map((e) => ({
    line: lines ? (lines[e.row ?? 0] ?? (e.row ?? 0) + 1) : (e.row ?? 0) + 1,
    message: e.message,
  }));
  return { rows, lines, delimiter, problems };
}

/** Records split from one slice of a text: `rows[i]` is the file's record `first + i`. */
export interface CsvSlice {
  rows: string[][];
  first: number;
  /** The text the records came from. */
  text: string;
  /** Papaparse's problems with these records (`row` counts within the slice). */
  errors: Papa.ParseError[];
  /** The text's last slice (its trailing empty record, after a final line break, dropped). */
  final: boolean;
  /** The line break the records are split on. */
  newline: string;
}

/** Characters read before the line break and the delimiter are guessed (one pass looks at as many). */
export const GUESS_CHARS = 1024 * 1024;

/**
 * The text's records slice by slice, as one Papa.parse call splits them (the same rows, errors
 * and line break), without holding every record at once. The text may come in pieces (a large
 * file decoded as it is split): a record cut by a piece's end waits for the next piece. Each
 * slice is parsed from a substring, so the cells are slices of the text rather than of a copy
 * of each slice (which papaparse's own chunking makes). `delimiter` undefined: detected as
 * detectDelimiter does on the whole text.
 */
export function splitCsv(
  source: string | Iterable<string>,
  delimiter: string | undefined,
  onSlice: (slice: CsvSlice) => void,
  sliceChars = PARSE_SLICE_CHARS,
): { newline: string; delimiter: string } {
  const pieces = (typeof source === 'string' ? [source] : source)[Symbol.iterator]();
  let pending = '';
  let more = true;
  const take = (): void => {
    const next = pieces.next();
    if (next.done === true) more = false;
    else pending += next.value;
  };
  while (more && pending.length <= GUESS_CHARS) take();
  const used = delimiter ?? detectDelimiter(pending);
  const newline = lineBreakOf(pending, used);
  let start = pending.charCodeAt(0) === 0xfeff ? 1 : 0; // Papa.parse strips a BOM
  let first = 0;
  let size = sliceChars;
  for (;;) {
    if (more && pending.length - start < size) {
      pending = pending.substring(start);
      start = 0;
      while (more && pending.length < size) take();
    }
    const end = Math.min(pending.length, start + size);
    const final = !more && end >= pending.length;
    const input = pending.substring(start, end);
    const parser = new Papa.Parser({ ...CONFIG, delimiter: used, newline });
    const result = parser.parse(input, 0, !final) as Papa.ParseResult<string[]>;
    const rows = result.data;
    if (!final && rows.length === 0) {
      size *= 2; // one record longer than a slice: take a longer slice
      continue;
    }
    size = sliceChars;
    const last = rows[rows.length - 1];
    if (final && last !== undefined && last.length === 1 && last[0] === '') rows.pop();
    // The record cut by a non-final slice's end is parsed again with the next slice: what
    // papaparse said about the cut copy (a "malformed" quote that was only cut) is dropped.
    const errors = result.errors.filter((e) => final || e.row === undefined || e.row < rows.length);
    const to = final ? input.length : result.meta.cursor;
    onSlice({ rows, first, text: final ? input : input.substring(0, to), errors, final, newline });
    first += rows.length;
    if (final) break;
    start += to;
  }
  return { newline, delimiter: used };
}

/** One pass guesses the line break from the text's first megabyte: ask the same question of it. */
function lineBreakOf(text: string, delimiter: string): '\n' | '\r' | '\r\n' {
  return Papa.parse<string[]>(text.substring(0, 1024 * 1024), { ...CONFIG, delimiter, preview: 1 }).meta
    .linebreak as '\n' | '\r' | '\r\n';
}

/**
 * Papaparse's own guess is weak on Russian files with comma decimals; instead each candidate
 * splits the first lines and the one giving the most lines of one consistent width (> 1 field)
 * wins, ties going to the wider split.
 */
export function detectDelimiter(text: string): string {
  let sample = text.slice(0, SAMPLE_CHARS);
  const cut = sample.lastIndexOf('\n');
  if (text.length > SAMPLE_CHARS && cut > 0) sample = sample.slice(0, cut);
  let best: string = DELIMITERS[0];
  let bestLines = 0;
  let bestWidth = 0;
  for (const candidate of DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, {
      delimiter: candidate,
      preview: SAMPLE_LINES,
      skipEmptyLines: 'greedy',
    });
    const histogram = new Map<number, number>();
    for (const row of parsed.data) {
      if (row.length > 1) histogram.set(row.length, (histogram.get(row.length) ?? 0) + 1);
    }
    let lines = 0;
    let width = 0;
    for (const [w, n] of histogram) {
      if (n > lines || (n === lines && w > width)) {
        lines = n;
        width = w;
      }
    }
    if (lines > bestLines * 1.1 || (lines >= bestLines * 0.9 && lines > 0 && width > bestWidth)) {
      best = candidate;
      bestLines = lines;
      bestWidth = width;
    }
  }
  return best;
}

/**
 * When the text has exactly one line break per record no quoted field spans lines and record i
 * is line i + 1; only otherwise are the fields scanned for embedded breaks.
 */
function lineNumbers(text: string, rows: readonly string[][], newline: string): Int32Array | null {
  let breaks = 0;
  for (let p = text.indexOf(newline); p >= 0; p = text.indexOf(newline, p + 1)) breaks++;
  const endsWithBreak = text.endsWith(newline);
  if (breaks === rows.length - (endsWithBreak ? 0 : 1)) return null;
  return lineNumbersByScan(rows, newline);
}

function lineNumbersByScan(rows: readonly string[][], newline: string): Int32Array {
  const lines = new Int32Array(rows.length);
  let line = 1;
  for (let i = 0; i < rows.length; i++) {
    lines[i] = line;
    line++;
    const row = rows[i] ?? [];
    for (let c = 0; c < row.length; c++) {
      const field = row[c] ?? '';
      for (let p = field.indexOf(newline); p >= 0; p = field.indexOf(newline, p + 1)) line++;
    }
  }
  return lines;
}

/**
 * The line each record starts on, counted slice by slice as readCsv counts them in one go (on
 * `\r`, or else `\n`, so a bare `\n` inside a quoted field of a CRLF file counts too). A slice with
 * one line break per record needs no list; only a slice whose quoted fields hold line breaks is
 * scanned, and from then on every line is listed.
 */
export class CsvLineNumbers {
  private lines: number[] | null = null;
  /** The line the next record starts on. */
  private next = 1;
  private endsWithBreak = false;

  of(index: number): number {
    return this.lines === null ? index + 1 : (this.lines[index] ?? index + 1);
  }

  add(slice: CsvSlice): void {
    const { rows, text } = slice;
    const newline = slice.newline === '\r' ? '\r' : '\n';
    let breaks = 0;
    for (let p = text.indexOf(newline); p >= 0; p = text.indexOf(newline, p + 1)) breaks++;
    // Only the last record may end without a break: the whole text's end decides.
    if (text !== '') this.endsWithBreak = text.endsWith(newline);
    const plain = breaks === rows.length - (slice.final && !this.endsWithBreak ? 1 : 0);
    if (plain && this.lines === null) {
      this.next += rows.length;
      return;
    }
    if (this.lines === null) this.lines = Array.from({ length: slice.first }, (_, i) => i + 1);
    for (const row of rows) {
      this.lines.push(this.next);
      this.next++;
      if (plain) continue;
      for (const field of row)
        for (let p = field.indexOf(newline); p >= 0; p = field.indexOf(newline, p + 1)) this.next++;
    }
  }
}
