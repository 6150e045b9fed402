/**
 * `--json` output written piece by piece. The text is exactly `JSON.stringify(value, null, 2)`
 * and a newline, but never one string: a million-row case's summary is longer than the longest
 * string V8 can make (~512M characters), and `JSON.stringify` fails on it with "Invalid string length".
 */

/**
 * Objects and arrays this many levels down are written member by member; deeper ones whole: the
 * top object and its lists, so each listed source or identifier is one JSON.stringify (a single
 * identifier would need a few million mentions to come near the string limit).
 */
const STREAMED_LEVELS = 2;
/** Characters gathered before one write. */
const CHUNK = 1 << 20;

export function writeJson(value: unknown, out: (text: string) => void): void {
  const pieces: string[] = [];
  let gathered = 0;
  const push = (text: string): void => {
    pieces.push(text);
    gathered += text.length;
    if (gathered >= CHUNK) {
      out(pieces.join(''));
      pieces.length = 0;
      gathered = 0;
    }
  };
  emit(value, '', STREAMED_LEVELS, push);
  push('\n');
  out(pieces.join(''));
}

/** What JSON.stringify leaves out of an object and writes as null in an array. */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function emit(value: unknown, indent: string, levels: number, push: (text: string) => void): void {
  const inner = `${indent}  `;
  if (levels > 0 && Array.isArray(value)) {
    if (value.length === 0) return push('[]');
    push('[\n');
    for (let i = 0; i < value.length; i++) {
      push(inner);
      const v: unknown = value[i];
      if (omitted(v)) push('null');
      else emit(v, inner, levels - 1, push);
      push(i < value.length - 1 ? ',\n' : '\n');
    }
    return push(`${indent}]`);
  }
  if (levels > 0 && isPlainData(value)) {
    const keys = Object.keys(value).filter((k) => !omitted(value[k]));
    if (keys.length === 0) return push('{}');
    push('{\n');
    keys.forEach((key, i) => {
      push(`${inner}${JSON.stringify(key)}: `);
      emit(value[key], inner, levels - 1, push);
      push(i < keys.length - 1 ? ',\n' : '\n');
    });
    return push(`${indent}}`);
  }
  // Strings inside JSON never hold a raw line break, so indenting every line is safe.
  const text = JSON.stringify(value, null, 2);
  push(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
}

function isPlainData(v: unknown): v is Record<string, unknown> {
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function' &&
    (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)
  );
}
