/**
 * XLSX import. Floor: SheetJS's dense read plus `sheet_to_json({header: 1})`, the cheapest way
 * to get rows out of the workbook. Full: `importStatement`.
 */
import { createHash } from 'node:crypto';
import * as XLSX from 'xlsx';
import { importStatement } from '../shared/import';
import { arg, readBytes, report, timed } from './measure';

const file = arg('--file');
const mode = arg('--mode');
const bytes = readBytes(file);

if (mode === 'floor') {
  const { value: rows, seconds } = timed(() => {
    const wb = XLSX.read(bytes, { type: 'array', dense: true });
    let count = 0;
    for (const name of wb.SheetNames) {
      const sheet = wb.Sheets[name];
      if (sheet) count += XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 }).length;
    }
    return count;
  });
  report({ case: 'XLSX floor (XLSX.read dense + sheet_to_json)', rows, bytes: bytes.length, seconds });
} else {
  const { value, seconds } = timed(() =>
    importStatement(bytes, file, { importedAt: 0, sha256: createHash('sha256').update(bytes).digest('hex') }),
  );
  report({
    case: 'XLSX importStatement',
    rows: value.transactions.length,
    bytes: bytes.length,
    seconds,
    extra: { mentions: value.mentions.length, rejected: value.rejected.length },
  });
}
