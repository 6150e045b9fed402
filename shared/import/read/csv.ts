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

/** Above this many characters a file is parsed in slices of it, reporting progress after each. */
export const PARSE_SLICE_CHARS = 8 * 1024 * 1024;

/**
 * `maxRecords` > 0 reads only the first records (the preview). `onProgress` (characters parsed,
 * characters in all) is called after each slice of a large file: a million-row statement takes
 * seconds to split, and a progress bar that stands still that long looks like a hang.
 */
export function readCsv(
  text: string,
  delimiter: string = detectDelimiter(text),
  maxRecords = 0,
  onProgress?: (done: number, total: number) => void,
  sliceChars = PARSE_SLICE_CHARS,
): CsvRead {
  const result =
    onProgress && maxRecords === 0 && text.length > sliceChars
      ? parseInSlices(text, { ...CONFIG, delimiter }, sliceChars, onProgress)
      : Papa.parse<string[]>(text, { ...CONFIG, delimiter, preview: maxRecords });
  const rows = result.data;
  const last = rows[rows.length - 1];
  if (rows.length > 0 && last !== undefined && last.length === 1 && last[0] === '') rows.pop();
  const newline = result.meta.linebreak === '\r' ? '\r' : '\n';
  const lines = maxRecords > 0 ? lineNumbersByScan(rows, newline) : lineNumbers(text, rows, newline);
  const problems = result.errors.map((e) => ({
    line: lines ? (lines[e.row ?? 0] ?? (e.row ?? 0) + 1) : (e.row ?? 0) + 1,
    message: e.message,
  }));
  return { rows, lines, delimiter, problems };
}

/**
 * The same result as one Papa.parse call, in slices (papaparse carries a record cut by a slice's
 * end over to the next). Its quote errors count rows within a slice: shifted to the whole file.
 */
function parseInSlices(
  text: string,
  config: typeof CONFIG & { delimiter: string },
  sliceChars: number,
  onProgress: (done: number, total: number) => void,
): Papa.ParseResult<string[]> {
  const data: string[][] = [];
  const errors: Papa.ParseError[] = [];
  let meta: Papa.ParseMeta | undefined;
  // One pass guesses the line break from the text's first megabyte; a slice-by-slice parse would
  // guess from its first slice. Ask the same question of the same megabyte, once.
  const newline = Papa.parse<string[]>(text.substring(0, 1024 * 1024), { ...config, preview: 1 }).meta
    .linebreak as '\n' | '\r' | '\r\n';
  Papa.parse<string[]>(text, {
    ...config,
    newline,
    chunkSize: sliceChars,
    // Papaparse's types model slices only for File input; on a string it runs synchronously too.
    complete: () => undefined,
    chunk: (slice: Papa.ParseResult<string[]>) => {
      // A slice's last record, cut by the slice's end, is parsed again with the next slice: what
      // papaparse said about the cut copy (a "malformed" quote that was only cut) is dropped.
      const final = slice.meta.cursor >= text.length;
      for (const error of slice.errors) {
        if (error.row === undefined) errors.push(error);
        else if (final || error.row < slice.data.length)
          errors.push({ ...error, row: error.row + data.length });
      }
      for (const row of slice.data) data.push(row);
      meta ??= slice.meta;
      onProgress(Math.min(text.length, slice.meta.cursor), text.length);
    },
  });
  return { data, errors, meta: meta as Papa.ParseMeta };
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
