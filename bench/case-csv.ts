/**
 * CSV import of a large Halyk-style statement. Floor: decode the bytes and let papaparse split
 * them into arrays (row by row, counted and dropped), the least any CSV import must do.
 * Full: `importStatement`, which also detects the layout, parses every value and extracts
 * identifiers from every row.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { importStatement } from '../shared/import';
import { arg, readBytes, report, timed } from './measure';

const file = arg('--file');
const mode = arg('--mode');
const label = arg('--label');
const bytes = readBytes(file);

if (mode === 'floor') {
  const encoding = file.includes('cp1251') ? 'windows-1251' : 'utf-8';
  const { value: rows, seconds } = timed(() => {
    const text = new TextDecoder(encoding).decode(bytes);
    let count = 0;
    // `step` hands over one row at a time, so the floor never holds all rows at once.
    Papa.parse<string[]>(text, {
      delimiter: ';',
      step: () => {
        count++;
      },
    });
    return count;
  });
  report({ case: `${label} floor (decode + papaparse)`, rows, bytes: bytes.length, seconds });
} else {
  const { value, seconds } = timed(() =>
    importStatement(bytes, file, { importedAt: 0, sha256: createHash('sha256').update(bytes).digest('hex') }),
  );
  if (value.rejected.length > 0) console.error(`rejected rows: ${value.rejected.length}`, value.rejected[0]);
  report({
    case: `${label} importStatement`,
    rows: value.transactions.length,
    bytes: bytes.length,
    seconds,
    extra: { mentions: value.mentions.length, rejected: value.rejected.length },
  });
}
