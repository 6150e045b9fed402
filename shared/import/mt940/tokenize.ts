/**
 * Splits MT940/MT942 text into tagged fields. Pure text work, no interpretation of values.
 *
 * Real files are messy; the cases handled here all come from statements seen in the wild
 * (see fixtures/peer): SWIFT block wrappers `{1:..}{2:..}{4:` and `-}{5:..}`, SOH/ETX control
 * characters around messages, bank header lines before the first tag (`ABNANL2A`, `940`),
 * `-` / `-XXX` statement terminators, CRLF or LF, a tag broken over two lines (`:` + `86:...`),
 * and free text in :86: that happens to look like a tag (`:26:37 Fo?25...` after a wrap).
 */

/** Tags we understand. Anything else that looks like `:NN:` is treated as text (see below). */
const KNOWN_TAGS = new Set([
  '20',
  '21',
  '25',
  '25P',
  '28',
  '28C',
  '60F',
  '60M',
  '60',
  '61',
  '62F',
  '62M',
  '62',
  '64',
  '65',
  '86',
  '13',
  '13D',
  '34F',
  '90D',
  '90C',
  'NS',
]);

/** Fields whose content is free text and may legitimately wrap onto lines that look like tags. */
const FREE_TEXT_TAGS = new Set(['86', 'NS', '61']);

export type Mt940Token =
  | {
      kind: 'field';
      tag: string;
      /** Content lines without the `:tag:` prefix; continuation lines verbatim (right-trimmed of CR). */
      lines: string[];
      /** 1-based line of the tag. */
      line: number;
    }
  /** A statement terminator (`-`, `-}`) or a new SWIFT message header `{1:`. */
  | { kind: 'end'; line: number; message942?: boolean }
  /** Non-empty text outside any field that we skipped (bank header lines and the like). */
  | { kind: 'junk'; line: number; text: string };

const TAG_LINE = /^:(\d{2}[A-Z]?|NS):(.*)$/;
const TERMINATOR = /^-(\}.*|X{3})?\s*$/;

/** Removes SOH (U+0001) and ETX (U+0003); a char-code filter keeps control characters out of regexes. */
function stripFrameCharacters(line: string): string {
  if (!line.includes('\u0001') && !line.includes('\u0003')) return line;
  return [...line].filter((char) => char !== '\u0001' && char !== '\u0003').join('');
}

export function tokenizeMt940(text: string): Mt940Token[] {
  const tokens: Mt940Token[] = [];
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let current: Extract<Mt940Token, { kind: 'field' }> | undefined;

  for (let index = 0; index < rawLines.length; index++) {
    const lineNo = index + 1;
    // SOH/ETX frame whole messages in some bank exports (mBank); they carry no content.
    let line = stripFrameCharacters(rawLines[index] ?? '');

    // SWIFT application header: `{1:F01...}{2:O940...}{3:}{4:` — what follows `{4:` is the body.
    if (line.startsWith('{')) {
      const message942 = /\{2:[IO]942/.test(line);
      tokens.push({ kind: 'end', line: lineNo, ...(message942 ? { message942 } : {}) });
      current = undefined;
      const bodyStart = line.indexOf('{4:');
      if (bodyStart < 0) continue;
      line = line.slice(bodyStart + 3);
      if (line.trim() === '') continue;
    }

    if (TERMINATOR.test(line)) {
      tokens.push({ kind: 'end', line: lineNo });
      current = undefined;
      continue;
    }

    // A tag broken after its first colon (`:` then `86:GUTSCHRIFT...`), seen in Sparkasse files.
    const next = rawLines[index + 1];
    if (line.trim() === ':' && next !== undefined && /^(\d{2}[A-Z]?|NS):/.test(next)) {
      line = ':' + next;
      index++;
    }

    const tagMatch = TAG_LINE.exec(line);
    const tag = tagMatch?.[1];
    if (tagMatch && tag !== undefined && KNOWN_TAGS.has(tag)) {
      current = { kind: 'field', tag, lines: [tagMatch[2] ?? ''], line: lineNo };
      tokens.push(current);
      continue;
    }

    if (current && (!tagMatch || FREE_TEXT_TAGS.has(current.tag))) {
      // Continuation. An unknown `:NN:` inside free text is text that wrapped at column 65.
      current.lines.push(line);
      continue;
    }
    if (line.trim() !== '') tokens.push({ kind: 'junk', line: lineNo, text: line });
  }
  return tokens;
}
