import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * fast-xml-parser configured for untrusted input, and typed accessors over its output (which is
 * `unknown` to us: any element may be missing, repeated or empty in a hostile or sloppy file).
 */

/** Elements that may repeat in camt.053; always arrays so one and many look the same. */
const REPEATING = new Set([
  'Stmt',
  'Bal',
  'Ntry',
  'NtryDtls',
  'TxDtls',
  'Ustrd',
  'Strd',
  'AddtlNtryInf',
  'Othr',
]);

export function createCamtParser(maxDepth: number): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    // Entities stay literal and are decoded by `decodeXmlText` (the five predefined ones and
    // character references only): no DTD entity can ever expand.
    processEntities: false,
    htmlEntities: false,
    // Keep every value as text: IDs with leading zeros and amounts must not become numbers.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    maxNestedTags: maxDepth,
    isArray: (name) => REPEATING.has(name),
  });
}

export function validateXml(text: string): { ok: true } | { ok: false; line: number; message: string } {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (result === true) return { ok: true };
  return { ok: false, line: result.err.line, message: result.err.msg };
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]{2,4});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[name] ?? whole;
  });
}

export type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follow a path of element names; arrays on the way take their first item. */
export function child(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isNode(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The element's text, decoded, or undefined when missing or empty. */
export function text(node: unknown, ...path: string[]): string | undefined {
  let value = child(node, ...path);
  if (Array.isArray(value)) value = value[0];
  if (isNode(value)) value = value['#text'];
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const decoded = decodeXmlText(String(value)).trim();
  return decoded === '' ? undefined : decoded;
}

export function attribute(node: unknown, name: string): string | undefined {
  const value = isNode(node) ? node[`@_${name}`] : undefined;
  return typeof value === 'string' ? decodeXmlText(value).trim() || undefined : undefined;
}

export function list(node: unknown, ...path: string[]): Node[] {
  const value = child(node, ...path);
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.filter(isNode);
}

/** All texts of a repeating element (`Ustrd`). */
export function texts(node: unknown, ...path: string[]): string[] {
  const value = child(node, ...path);
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map((item) => text(item)).filter((item): item is string => item !== undefined);
}
