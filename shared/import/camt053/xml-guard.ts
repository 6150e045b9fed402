/**
 * A linear pre-scan of untrusted XML before it reaches the XML parser. It refuses what a bank
 * statement never contains but an attack does — DTDs and entity declarations (billion laughs,
 * external entities), absurd nesting, oversized input — and, as a by-product, records the line
 * of every <Stmt> and its <Ntry> elements so provenance can point at the row a person sees.
 * O(n), no recursion, no regex backtracking on attacker-controlled runs.
 */

export interface XmlGuardLimits {
  /** Characters. A year of a busy account in CAMT is a few MB; 64 MiB leaves ample room. */
  maxChars: number;
  /** CAMT.053 nests about 12 deep; 64 is generous and still far from stack trouble. */
  maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlGuardLimits = { maxChars: 64 * 1024 * 1024, maxDepth: 64 };

export interface StatementLines {
  stmt: number;
  entries: number[];
}

export type XmlGuardResult =
  { ok: true; statements: StatementLines[] } | { ok: false; line: number; message: string };

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon >= 0 ? qualified.slice(colon + 1) : qualified;
}

export function guardXml(text: string, limits: XmlGuardLimits = DEFAULT_XML_LIMITS): XmlGuardResult {
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      line: 1,
      message: `file is ${text.length} characters, over the ${limits.maxChars}-character limit for CAMT statements`,
    };
  }
  const statements: StatementLines[] = [];
  const stack: string[] = [];
  let line = 1;
  let lineCountedTo = 0;
  const lineAt = (position: number): number => {
    for (let i = lineCountedTo; i < position; i++) if (text.charCodeAt(i) === 10) line++;
    lineCountedTo = Math.max(lineCountedTo, position);
    return line;
  };
  const skipTo = (from: number, terminator: string, what: string): number | { error: string } => {
    const end = text.indexOf(terminator, from);
    return end < 0 ? { error: `${what} is not closed: the file looks truncated` } : end + terminator.length;
  };

  let position = 0;
  while (position < text.length) {
    const open = text.indexOf('<', position);
    if (open < 0) break;
    const startLine = lineAt(open);
    let next: number | { error: string };
    if (text.startsWith('<?', open)) next = skipTo(open + 2, '?>', 'a processing instruction');
    else if (text.startsWith('<!--', open)) next = skipTo(open + 4, '-->', 'a comment');
    else if (text.startsWith('<![CDATA[', open)) next = skipTo(open + 9, ']]>', 'a CDATA section');
    else if (text.startsWith('<!', open)) {
      return {
        ok: false,
        line: startLine,
        message: `document type or entity declarations (\`${text.slice(open, open + 10)}\`) are not allowed in a bank statement and are refused for safety`,
      };
    } else {
      // A tag: find its end, respecting quoted attribute values (which may contain '>').
      let cursor = open + 1;
      let quote = '';
      while (cursor < text.length) {
        const char = text[cursor];
        if (quote) {
          if (char === quote) quote = '';
        } else if (char === '"' || char === "'") quote = char;
        else if (char === '>') break;
        cursor++;
      }
      if (cursor >= text.length)
        return { ok: false, line: startLine, message: 'a tag is not closed: the file looks truncated' };
      const body = text.slice(open + 1, cursor);
      next = cursor + 1;
      if (body.startsWith('/')) {
        stack.pop();
      } else if (!body.endsWith('/')) {
        const name = localName(/^[^\s/>]*/.exec(body)?.[0] ?? '');
        const parent = stack[stack.length - 1];
        stack.push(name);
        if (stack.length > limits.maxDepth) {
          return {
            ok: false,
            line: startLine,
            message:
              `elements are nested more than ${limits.maxDepth} deep, over the limit (a CAMT statement ` +
              'needs about 12); raise `limits.maxXmlDepth` to import it',
          };
        }
        if (name === 'Stmt' && parent === 'BkToCstmrStmt') statements.push({ stmt: startLine, entries: [] });
        if (name === 'Ntry' && parent === 'Stmt') statements[statements.length - 1]?.entries.push(startLine);
      }
    }
    if (typeof next !== 'number') return { ok: false, line: startLine, message: next.error };
    position = next;
  }
  if (stack.length > 0) {
    return {
      ok: false,
      line: lineAt(text.length),
      message: `<${stack[stack.length - 1]}> is not closed: the file looks truncated`,
    };
  }
  return { ok: true, statements };
}
