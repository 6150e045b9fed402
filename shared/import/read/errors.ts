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
    const reason = printable(details.reason);
    super(describe({ ...details, reason }));
    this.name = 'ImportError';
    this.file = details.file;
    this.reason = reason;
    if (details.sheet !== undefined) this.sheet = details.sheet;
    if (details.row !== undefined) this.row = details.row;
    if (details.column !== undefined) this.column = details.column;
  }
}

/** Longest reason shown; parser messages may quote kilobytes of a damaged file. */
const MAX_REASON = 600;

/**
 * Reasons often quote the file (a malformed XML attribute, an MT940 line): its control characters
 * would garble the message and its length would bury it, so both are tamed here, once for all.
 */
function printable(reason: string): string {
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  const clean = reason.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\uFFFD');
  return clean.length > MAX_REASON ? `${clean.slice(0, MAX_REASON)}…` : clean;
}

function describe(d: ImportErrorDetails): string {
  let where = `\`${d.file}\``;
  if (d.sheet !== undefined) where += `, sheet "${d.sheet}"`;
  if (d.row !== undefined) where += `, row ${d.row}`;
  if (d.column !== undefined) where += `, column ${d.column}`;
  return `${where}: ${d.reason}`;
}

/**
 * Why a refusal would not help the investigator, or null when it does: it must be an
 * `ImportError` whose message names the file and reads as a sentence (no `undefined`, no object
 * dumps, no control characters, not a wall of text). Used by the fuzzing harness and its replay.
 */
export function unreadableRefusal(error: unknown, fileName: string): string | null {
  if (!(error instanceof ImportError)) {
    const name = error instanceof Error ? error.name : typeof error;
    const message = error instanceof Error ? error.message : String(error);
    return `not an ImportError: ${name}: ${message.slice(0, 300)}`;
  }
  const message = error.message;
  if (error.reason.trim().length < 10) return 'the reason is empty or too short';
  if (!message.includes(fileName)) return 'the message does not name the file';
  if (message.length > 2000) return `the message is ${message.length} characters long`;
  if (/\bundefined\b|\[object \w+\]|\bNaN\b/.test(message))
    return 'the message shows undefined/NaN/an object';
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(message)) return 'the message holds control characters';
  return null;
}
