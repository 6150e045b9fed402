/**
 * The one error an import throws: the file could not be read at all. Everything smaller (a bad
 * row, a bad identifier) is reported in the result instead, so the investigator keeps the rest.
 */
export interface ImportErrorDetails {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  reason: string;
}

export class ImportError extends Error {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly reason: string;

  constructor(details: ImportErrorDetails) {
    super(describe(details));
    this.name = 'ImportError';
    this.file = details.file;
    this.reason = details.reason;
    if (details.sheet !== undefined) this.sheet = details.sheet;
    if (details.row !== undefined) this.row = details.row;
    if (details.column !== undefined) this.column = details.column;
  }
}

function describe(d: ImportErrorDetails): string {
  let where = `\`${d.file}\``;
  if (d.sheet !== undefined) where += `, sheet "${d.sheet}"`;
  if (d.row !== undefined) where += `, row ${d.row}`;
  if (d.column !== undefined) where += `, column ${d.column}`;
  return `${where}: ${d.reason}`;
}
