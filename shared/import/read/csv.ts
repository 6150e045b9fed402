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

/** `maxRecords` > 0 reads only the first records (the preview). */
export function readCsv(text: string, delimiter: string = detectDelimiter(text), maxRecords = 0): CsvRead {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    quoteChar: '"',
    preview: maxRecords,
  });
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
