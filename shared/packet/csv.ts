/**
 * CSV as the packet's recipients open it: a bank clerk double-clicking in Excel on a Russian-locale
 * Windows. Hence UTF-8 with a BOM (without it Excel reads Cyrillic as cp1251 mojibake), `;` as the
 * separator (the list separator of ru/kk locales, where `,` is the decimal comma) and CRLF lines.
 * Quoting follows RFC 4180, so a file name holding `;`, quotes or a line break reads back intact.
 */

const BOM = '\uFEFF';

/** Quoted only when it has to be: separator, quote, line break, or edge spaces Excel would trim. */
export function csvField(value: string | number): string {
  const text = String(value);
  if (!/[;"\r\n]|^\s|\s$/.test(text)) return text;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(';') + '\r\n').join('');
}

export function csvBytes(rows: readonly (readonly (string | number)[])[]): Uint8Array {
  return new TextEncoder().encode(csvText(rows));
}

/** Reads what csvText writes (and any RFC 4180 text with `;`): for tests and for `verify`. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      // CRLF ends the record; the LF is skipped on the next turn.
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
