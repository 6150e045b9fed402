/**
 * Identifier mentions in free text (statement descriptions, notes, chat exports).
 *
 * Precision comes first: a false card or phone becomes a false link between people in the graph.
 * Four rules keep it high, each tested in extract.test.ts:
 *   1. Boundaries: a candidate never starts or ends inside a longer run of letters or digits, and
 *      a number followed by ",dd"/".dd" is an amount. Dates, times, amounts, KNP codes and long
 *      references therefore never yield a candidate at all.
 *   2. Checksums: cards need Luhn, IIN/BIN the Kazakh check digit, IBAN mod 97, wallets their
 *      base58check/bech32/EIP-55 checksums. Phones need libphonenumber's allocated ranges.
 *   3. Context: shapes that checksums cannot settle need a keyword nearby (context.ts): masked
 *      cards with only the tail shown, bare 11-digit 8/7 numbers as phones, and reporting a
 *      checksum failure at all. A reference label right before a number ("заказ", "RRN") vetoes it.
 *   4. Claiming: families are scanned from most to least specific; text claimed by one candidate
 *      (even a discarded one) is not re-read as another kind.
 * Speed: most descriptions hold no identifier at all. One pass over the text (`shapeOf`) measures
 * what every pattern needs (a long enough run of digits, of ASCII letters and digits, a mask
 * character beside a digit…), and a family's scan runs only when its pattern could match.
 * Bare 11-digit numbers starting 8/7 are phones only with phone context; written as "+7 …" or
 * "8 (701) 123-45-67" the formatting itself is the evidence.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import type { BankDirectory } from './banks';
import { cardBrand, parseCard, stripCardSeparators } from './card';
import { hasContext, hasReferenceLabel, type ContextTopic } from './context';
import { parseBtc, parseEth, parseTron } from './wallets';
import { ibanLength, parseIban } from './iban';
import { parseIinBin } from './iin';
import { parseMaskedCard } from './masked-card';
import { parsePhone } from './phone';
import type { IdentifierKind, Invalid, RejectReason, Valid } from './types';

export type MentionBasis = 'checksum' | 'checksum+context' | 'format' | 'format+context';

export interface Mention {
  kind: IdentifierKind;
  /** Normalized value, the same as the per-kind parser returns. */
  value: string;
  raw: string;
  start: number;
  end: number;
  /** Why the extractor believed it: the investigator sees this next to the highlight. */
  basis: MentionBasis;
}

export interface RejectedMention {
  kind: IdentifierKind;
  raw: string;
  reason: RejectReason;
  message: string;
  start: number;
  end: number;
}

export interface Extraction {
  mentions: Mention[];
  rejected: RejectedMention[];
}

export interface ExtractOptions {
  banks?: BankDirectory;
  defaultCountry?: CountryCode;
}

type Outcome =
  | { type: 'mention'; kind: IdentifierKind; value: string; basis: MentionBasis }
  | { type: 'rejected'; kind: IdentifierKind; reason: RejectReason; message: string }
  | { type: 'ignored' };

interface Candidate {
  start: number;
  end: number;
}

const IGNORED: Outcome = { type: 'ignored' };
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
/** A following ",00" or ".56" makes the digits an amount. */
const NOT_AMOUNT_AFTER = '(?![.,]\\d)';
const SEP = '[ \\u00a0\\-.]';

function re(body: string): RegExp {
  return new RegExp(body, 'gu');
}

const ETH_RE = re(`${NOT_WORD_BEFORE}0[xX][0-9a-fA-F]{40}${NOT_WORD_AFTER}`);
const SEGWIT_RE = re(`${NOT_WORD_BEFORE}(?:bc|tb|BC|TB)1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}${NOT_WORD_AFTER}`);
const TRON_RE = re(`${NOT_WORD_BEFORE}T[1-9A-HJ-NP-Za-km-z]{33}${NOT_WORD_AFTER}`);
const BTC58_RE = re(`${NOT_WORD_BEFORE}[13][1-9A-HJ-NP-Za-km-z]{25,34}${NOT_WORD_AFTER}`);
const IBAN_ANCHOR_RE = re(`${NOT_WORD_BEFORE}[A-Z]{2}\\d{2}`);
const M = '[*xXхХ•●·#]';
const MASKED_RE = re(
  `${NOT_WORD_BEFORE}(?<!${M})(?:` +
    `(?:\\d|${M}){4}(${SEP})(?:\\d|${M}){4}\\1(?:\\d|${M}){4}\\1(?:\\d|${M}){1,7}` +
    `|\\d{0,8}${M}{1,13}\\d{2,4}` +
    `)${NOT_WORD_AFTER}(?!${M})`,
);
const CARD_RE = re(
  `${NOT_WORD_BEFORE}(?<!\\d${SEP})(?:` +
    `\\d{4}(${SEP})\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?(?!\\1\\d)` +
    `|\\d{4}([ \\u00a0\\-])\\d{6}\\2\\d{5}(?!\\2\\d)` +
    `|\\d{13,19}` +
    `)${NOT_WORD_AFTER}${NOT_AMOUNT_AFTER}`,
);
const IIN_RE = re(`${NOT_WORD_BEFORE}(?<!\\d${SEP})\\d{12}${NOT_WORD_AFTER}${NOT_AMOUNT_AFTER}(?!${SEP}\\d)`);
const PHONE_PLUS_RE = re(`(?<![\\p{L}\\p{N}+])\\+[ \\u00a0]?\\d(?:[ \\u00a0\\-().]{0,2}\\d){6,16}`);
const PHONE_NATIONAL_RE = re(
  `${NOT_WORD_BEFORE}(?<!\\d${SEP})(?:` +
    `[78][ \\u00a0\\-]*\\(?\\d{3}\\)?[ \\u00a0\\-]*\\d{3}[ \\u00a0\\-]*\\d{2}[ \\u00a0\\-]*\\d{2}` +
    `|7\\d{9}` +
    `)${NOT_WORD_AFTER}${NOT_AMOUNT_AFTER}`,
);

/**
 * What the patterns above need, measured in one pass. Each field is a necessary condition for one
 * or more patterns to match anywhere in the text, so skipping a scan it rules out changes nothing.
 */
interface Shape {
  /** Longest run of ASCII letters and digits: ETH 42, TRON 34, base58 BTC 26, segwit 9. */
  alnumRun: number;
  /** Longest run of ASCII digits: IIN/BIN 12. */
  digitRun: number;
  /** Most digits in one run of digits and ` \u00a0-.()`: cards 13, national phones 10, "+" phones 7. */
  numberDigits: number;
  /** `[A-Z]{2}\d{2}` occurs: the IBAN anchor. */
  ibanAnchor: boolean;
  /** `bc1`, `tb1`, `BC1` or `TB1` occurs: every segwit address starts so. */
  segwitPrefix: boolean;
  /** A mask character at most 2 characters from a digit: every mask match holding both has one. */
  maskNearDigit: boolean;
  plus: boolean;
}

function isMaskChar(c: number): boolean {
  // * x X х Х • ● · #, the characters of M.
  return (
    c === 42 ||
    c === 120 ||
    c === 88 ||
    c === 0x445 ||
    c === 0x425 ||
    c === 0x2022 ||
    c === 0x25cf ||
    c === 0xb7 ||
    c === 35
  );
}

function shapeOf(text: string): Shape {
  let alnumRun = 0;
  let digitRun = 0;
  let numberDigits = 0;
  let ibanAnchor = false;
  let segwitPrefix = false;
  let maskNearDigit = false;
  let plus = false;
  let alnum = 0;
  let digits = 0;
  let numberRun = 0;
  /** Length of the current run of ASCII capitals, and of the digit run that follows one. */
  let upper = 0;
  let digitsAfterUpper = 0;
  let lastDigit = -3;
  let lastMask = -3;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      alnum++;
      digits++;
      numberRun++;
      if (alnum > alnumRun) alnumRun = alnum;
      if (digits > digitRun) digitRun = digits;
      if (numberRun > numberDigits) numberDigits = numberRun;
      if (digits === 1) digitsAfterUpper = upper >= 2 ? 1 : 0;
      else if (digitsAfterUpper > 0) digitsAfterUpper++;
      if (digitsAfterUpper >= 2) ibanAnchor = true;
      upper = 0;
      if (i - lastMask <= 2) maskNearDigit = true;
      if (c === 49 && i >= 2 && isSegwitPrefix(text.charCodeAt(i - 2), text.charCodeAt(i - 1)))
        segwitPrefix = true;
      lastDigit = i;
      continue;
    }
    digits = 0;
    digitsAfterUpper = 0;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      alnum++;
      if (alnum > alnumRun) alnumRun = alnum;
      upper = c <= 90 ? upper + 1 : 0;
      numberRun = 0;
    } else {
      alnum = 0;
      upper = 0;
      // Space, NBSP, - . ( ) keep a number's digits together; anything else ends the number.
      if (!(c === 32 || c === 0xa0 || c === 45 || c === 46 || c === 40 || c === 41)) numberRun = 0;
      if (c === 43) plus = true;
    }
    if (isMaskChar(c)) {
      if (i - lastDigit <= 2) maskNearDigit = true;
      lastMask = i;
    }
  }
  return { alnumRun, digitRun, numberDigits, ibanAnchor, segwitPrefix, maskNearDigit, plus };
}

/** `bc`, `tb`, `BC` or `TB`: the two characters before the `1` of a segwit address. */
function isSegwitPrefix(a: number, b: number): boolean {
  return (
    (a === 98 && b === 99) || (a === 116 && b === 98) || (a === 66 && b === 67) || (a === 84 && b === 66)
  );
}

function fromParse<K extends IdentifierKind>(
  r: Valid<K, unknown> | Invalid<K>,
  basis: MentionBasis,
  reportFailure: boolean,
): Outcome {
  if (r.ok) return { type: 'mention', kind: r.kind, value: r.value, basis };
  return reportFailure ? { type: 'rejected', kind: r.kind, reason: r.reason, message: r.message } : IGNORED;
}

class Scanner {
  readonly mentions: Mention[] = [];
  readonly rejected: RejectedMention[] = [];
  /** Claimed [start, end) ranges; few per text, so a flat list beats an interval tree. */
  private readonly claimed: Candidate[] = [];

  constructor(
    readonly text: string,
    readonly options: ExtractOptions,
  ) {}

  context(c: Candidate, topic: ContextTopic): boolean {
    return hasContext(this.text, c.start, c.end, topic);
  }

  private free(c: Candidate): boolean {
    for (const k of this.claimed) if (c.end > k.start && c.start < k.end) return false;
    return true;
  }

  /** Evaluates a candidate unless its text is already claimed; a `null` outcome leaves the text free. */
  offer(c: Candidate, evaluate: (raw: string, c: Candidate) => Outcome | null): void {
    if (!this.free(c)) return;
    const raw = this.text.slice(c.start, c.end);
    const outcome = evaluate(raw, c);
    if (outcome === null) return;
    this.claimed.push(c);
    if (outcome.type === 'mention') {
      this.mentions.push({
        kind: outcome.kind,
        value: outcome.value,
        raw,
        start: c.start,
        end: c.end,
        basis: outcome.basis,
      });
    } else if (outcome.type === 'rejected') {
      const { kind, reason, message } = outcome;
      this.rejected.push({ kind, raw, reason, message, start: c.start, end: c.end });
    }
  }

  /** Offers every match of a global pattern (none matches empty), left to right, as matchAll would. */
  scan(pattern: RegExp, evaluate: (raw: string, c: Candidate) => Outcome | null): void {
    const text = this.text;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    // `evaluate` is handed on as is: a wrapper closure per match was measurable at 1M descriptions.
    while ((m = pattern.exec(text)) !== null)
      this.offer({ start: m.index, end: m.index + m[0].length }, evaluate);
  }
}

/** `alnumRun` is the text's longest run of ASCII letters and digits; each address needs one as long as itself. */
function scanWallets(s: Scanner, { alnumRun, segwitPrefix }: Shape): void {
  // 0x + 40 hex is specific enough that a failed EIP-55 checksum is always worth showing: it is a typo.
  if (alnumRun >= 42)
    s.scan(ETH_RE, (raw, c) =>
      fromParse(parseEth(raw), s.context(c, 'crypto') ? 'checksum+context' : 'checksum', true),
    );
  if (alnumRun >= 9 && segwitPrefix)
    s.scan(SEGWIT_RE, (raw, c) => {
      const parsed = parseBtc(raw);
      // `TB1…` is also how some TRON addresses begin: a failed testnet bech32 must not claim a valid
      // TRON address, so leave the text for the TRON scan below.
      if (!parsed.ok && parseTron(raw).ok) return null;
      const ctx = s.context(c, 'crypto');
      return fromParse(parsed, ctx ? 'checksum+context' : 'checksum', ctx);
    });
  if (alnumRun >= 34)
    s.scan(TRON_RE, (raw, c) => {
      const ctx = s.context(c, 'crypto');
      return fromParse(parseTron(raw), ctx ? 'checksum+context' : 'checksum', ctx);
    });
  if (alnumRun >= 26)
    s.scan(BTC58_RE, (raw, c) => {
      // An all-digit run is a number, not an address; leave it to the numeric scanners.
      if (!/\p{L}/u.test(raw)) return null;
      const ctx = s.context(c, 'crypto');
      return fromParse(parseBtc(raw), ctx ? 'checksum+context' : 'checksum', ctx);
    });
}

/** IBANs are often grouped by four; walk from each country+check anchor to the country's exact length. */
function scanIbans(s: Scanner): void {
  const text = s.text;
  IBAN_ANCHOR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  // exec rather than matchAll, which builds a new RegExp on every call.
  while ((m = IBAN_ANCHOR_RE.exec(text)) !== null) {
    const start = m.index;
    const expected = ibanLength(m[0].slice(0, 2));
    if (expected === null) continue;
    let count = 4;
    let i = start + 4;
    while (i < text.length && count < expected) {
      if (isIbanChar(text.charCodeAt(i))) {
        count++;
        i++;
      } else if (isGroupSeparator(text.charCodeAt(i)) && isIbanChar(text.charCodeAt(i + 1))) {
        i++;
      } else break;
    }
    const next = text.charAt(i);
    const c = { start, end: i };
    const kz = m[0].startsWith('KZ');
    if (count === expected && !/[\p{L}\p{N}]/u.test(next)) {
      s.offer(c, (raw) => {
        const ctx = s.context(c, 'iban');
        // KZ + 18 characters is already a very specific shape; other countries need a keyword to report.
        return fromParse(parseIban(raw, s.options), ctx ? 'checksum+context' : 'checksum', kz || ctx);
      });
    } else if (kz && s.context(c, 'iban')) {
      // A KZ account number with a wrong length next to "счёт"/"IBAN": a typo worth showing.
      let e = start;
      while (e < text.length && isIbanChar(text.charCodeAt(e))) e++;
      if (e - start >= 12) {
        s.offer({ start, end: e }, () => ({
          type: 'rejected',
          kind: 'iban',
          reason: 'length',
          message: `A Kazakhstan IBAN has ${expected} characters`,
        }));
      }
    }
  }
}

/** [A-Z0-9]; NaN (past the end) is neither. */
function isIbanChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Space, NBSP or dash between groups of four. */
function isGroupSeparator(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 45;
}

function scanMaskedCards(s: Scanner): void {
  s.scan(MASKED_RE, (raw, c) => {
    if (!/\d/.test(raw) || !/[*xXхХ•●·#]/.test(raw)) return null;
    const r = parseMaskedCard(raw, s.options);
    if (!r.ok) return null;
    const ctx = s.context(c, 'card');
    // Anchored masks (BIN … last 4, full length) are a card shape on their own; "*1234" is not.
    const anchored =
      r.details.prefix.length >= 4 && r.details.suffix.length >= 4 && r.details.length !== null;
    if (!anchored && !ctx) return IGNORED;
    return { type: 'mention', kind: 'card_masked', value: r.value, basis: ctx ? 'format+context' : 'format' };
  });
}

function scanCards(s: Scanner): void {
  s.scan(CARD_RE, (raw, c) => {
    if (hasReferenceLabel(s.text, c.start)) return IGNORED;
    const ctx = s.context(c, 'card');
    const r = parseCard(raw, s.options);
    if (!r.ok) return ctx ? fromParse(r, 'checksum+context', true) : IGNORED;
    if (ctx) return fromParse(r, 'checksum+context', false);
    // Without a keyword, Luhn (1 in 10 by chance) must be backed by a brand that issues this length.
    const digits = stripCardSeparators(raw);
    const brand = cardBrand(digits, digits.length);
    const fits = brand !== null && lengthFits(digits);
    return fits ? fromParse(r, 'checksum', false) : IGNORED;
  });
}

function lengthFits(digits: string): boolean {
  // 16 digits is what virtually every card in KZ statements has; other lengths need a brand that allows them.
  if (digits.length === 16) return true;
  if (digits.length === 15) return /^3[47]/.test(digits);
  if (digits.length === 19) return /^(220[0-4]|62|4)/.test(digits);
  return false;
}

function scanIinBin(s: Scanner): void {
  s.scan(IIN_RE, (raw, c) => {
    if (hasReferenceLabel(s.text, c.start)) return IGNORED;
    const ctx = s.context(c, 'iin');
    const r = parseIinBin(raw);
    if (ctx) return fromParse(r, 'checksum+context', true);
    if (!r.ok) return IGNORED;
    // Nobody alive was born in the 1800s: without a keyword, century digits 1–2 mean a coincidence.
    if (r.kind === 'iin' && raw.charAt(6) < '3') return IGNORED;
    return fromParse(r, 'checksum', false);
  });
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function scanPlusPhones(s: Scanner): void {
  const text = s.text;
  PHONE_PLUS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_PLUS_RE.exec(text)) !== null) {
    // The greedy run may swallow a following amount; take the longest prefix, cut between digit
    // groups, that is a valid number.
    const digitEnds: number[] = [];
    for (let i = 0; i < m[0].length; i++) if (isDigitAt(m[0], i)) digitEnds.push(i + 1);
    let found = false;
    for (let k = digitEnds.length - 1; k >= 7 && !found; k--) {
      const endRel = digitEnds[k] ?? 0;
      if (isDigitAt(m[0], endRel)) continue;
      const raw = m[0].slice(0, endRel);
      const r = parsePhone(raw, s.options);
      if (r.ok) {
        const c = { start: m.index, end: m.index + endRel };
        s.offer(c, () => fromParse(r, s.context(c, 'phone') ? 'format+context' : 'format', false));
        found = true;
      }
    }
    if (!found) {
      const c = { start: m.index, end: m.index + m[0].length };
      if (s.context(c, 'phone'))
        s.offer(c, (raw) => fromParse(parsePhone(raw, s.options), 'format+context', true));
    }
  }
}

function scanNationalPhones(s: Scanner): void {
  s.scan(PHONE_NATIONAL_RE, (raw, c) => {
    const ctx = s.context(c, 'phone');
    const formatted = /\D/.test(raw);
    // A bare digit run is a phone only with context: without it, skip the libphonenumber parse.
    if (!formatted && !ctx) return IGNORED;
    const r = parsePhone(raw, s.options);
    if (formatted) return fromParse(r, ctx ? 'format+context' : 'format', ctx);
    if (r.ok && r.details.type !== 'mobile' && r.details.type !== 'fixed_line_or_mobile') {
      return {
        type: 'rejected',
        kind: 'phone',
        reason: 'invalid_number',
        message: 'Not a mobile number range',
      };
    }
    return fromParse(r, 'format+context', true);
  });
}

/** Finds identifier mentions in `text`; offsets are UTF-16 indices into `text`, end exclusive. */
export function extractIdentifiers(text: string, options: ExtractOptions = {}): Extraction {
  return extractWith(text, options, shapeOf(text));
}

/** A shape that rules out nothing: every scan runs. */
const ANY_SHAPE: Shape = {
  alnumRun: Infinity,
  digitRun: Infinity,
  numberDigits: Infinity,
  ibanAnchor: true,
  segwitPrefix: true,
  maskNearDigit: true,
  plus: true,
};

/** The slow path, every scan run whatever the text: what the pre-check must agree with (tests). */
export function extractIdentifiersUnskipped(text: string, options: ExtractOptions = {}): Extraction {
  return extractWith(text, options, ANY_SHAPE);
}

function extractWith(text: string, options: ExtractOptions, shape: Shape): Extraction {
  const s = new Scanner(text, options);
  scanWallets(s, shape);
  if (shape.ibanAnchor) scanIbans(s);
  if (shape.maskNearDigit) scanMaskedCards(s);
  if (shape.numberDigits >= 13) scanCards(s);
  if (shape.digitRun >= 12) scanIinBin(s);
  if (shape.plus && shape.numberDigits >= 7) scanPlusPhones(s);
  if (shape.numberDigits >= 10) scanNationalPhones(s);
  const order = (a: Candidate, b: Candidate) => a.start - b.start || a.end - b.end;
  return { mentions: s.mentions.sort(order), rejected: s.rejected.sort(order) };
}
