/**
 * Amounts to integer minor units (tiyn, cents), never through float arithmetic on text.
 *
 * Ambiguity rule for a lone `,` or `.` (no other separator in the text): it is a decimal mark
 * unless exactly three digits follow it, the integer part is 1–3 digits not starting with 0,
 * and the currency has fewer than three minor digits. Then it is a thousands separator:
 * `1,234` = 1 234.00 and `1.234` = 1 234.00, because a bank never states tenge to a tenth of
 * a tiyn, while `1,23` = 1.23 and `0,123`/`1234,567` are rejected (three decimals). For
 * crypto (6+ minor digits) a lone `.` is always decimal (`1.234` USDT) but a lone `,` before
 * three digits still groups (`12,000` USDT): English-locale exports never use a decimal comma. When the
 * column's other cells reveal the decimal mark (`inferDecimalSeparator`), pass it as
 * `decimalSeparator` and the rule is not needed. Space-like characters (space, NBSP U+00A0,
 * narrow NBSP U+202F, thin U+2009, figure U+2007) and `'` are always group separators, and
 * groups after the first must have three digits.
 *
 * Numeric cells are binary doubles the bank never wrote as text: they are rounded half away
 * from zero on their shortest decimal form, so 1234.565 (stored as 1234.56499999…) gives 123457.
 */
import type { Cell, Parsed } from './cell';
import { fail, ok, show } from './cell';
import { currencyOfToken } from './currency';

export type DecimalSeparator = ',' | '.';

export interface AmountOptions {
  /** The column's decimal mark, when known; `null`/absent applies the ambiguity rule. */
  decimalSeparator?: DecimalSeparator | null;
  /** Minor digits of the currency: 2 for KZT/USD, 6 for USDT. Default 2. */
  fractionDigits?: number;
}

export interface Amount {
  /** Signed integer minor units: −4 680 000 for `-46 800,00`. */
  minor: number;
  /** Currency written next to the number (`₸`, `USD`…), else null. */
  currency: string | null;
}

const COMMA = 44;
const DOT = 46;
const APOSTROPHE = 39;
const MAX_MINOR = Number.MAX_SAFE_INTEGER;
const AFFIX_SPACES = /[\s\u00a0\u2000-\u200b\u202f]+/;
const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isGroupSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 0xa0 ||
    code === 0x202f ||
    code === 0x2009 ||
    code === 0x2007 ||
    code === 0x2008 ||
    code === 0x200a ||
    code === APOSTROPHE
  );
}

function isMinus(code: number): boolean {
  // hyphen-minus, minus sign, en dash, em dash: all seen in exported text.
  return code === 45 || code === 0x2212 || code === 0x2013 || code === 0x2014;
}

export function parseAmount(cell: Cell, options?: AmountOptions): Parsed<Amount> {
  const digits = options?.fractionDigits ?? 2;
  if (typeof cell === 'number') return amountOfNumber(cell, digits);
  if (cell === null) return fail('amount is empty');
  if (typeof cell === 'boolean') return fail(`amount ${show(cell)} is not a number`);
  return amountOfText(cell, digits, options?.decimalSeparator ?? null);
}

function amountOfNumber(x: number, digits: number): Parsed<Amount> {
  if (!Number.isFinite(x)) return fail(`amount ${x} is not a finite number`);
  const scale = POWERS[digits] ?? 10 ** digits;
  const abs = Math.abs(x);
  let scaled = abs * scale;
  if (scaled > MAX_MINOR) return fail(`amount ${x} is too large`);
  if (!Number.isInteger(scaled)) {
    const floor = Math.floor(scaled);
    // Only near a half does float noise decide the rounding; re-read the shortest decimal form then.
    if (Math.abs(scaled - floor - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(15));
    scaled = Math.round(scaled);
  }
  const minor = x < 0 && scaled !== 0 ? -scaled : scaled;
  return ok({ minor, currency: null });
}

interface Affix {
  negative: boolean;
  positive: boolean;
  parens: number;
  currency: string | null;
  bad: string | null;
}

/** Reads the text before or after the digits: signs, brackets, currency, CR/DR. */
function readAffix(text: string, into: Affix): void {
  let rest = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isMinus(code)) into.negative = true;
    else if (code === 43) into.positive = true;
    else if (code === 40 || code === 41) into.parens++;
    else rest += text[i];
  }
  rest = rest.trim();
  if (rest === '') return;
  const whole = currencyOfToken(rest);
  if (whole) {
    into.currency = whole;
    return;
  }
  for (const token of rest.split(AFFIX_SPACES)) {
    if (token === '') continue;
    const upper = token.toUpperCase();
    if (upper === 'CR') into.positive = true;
    else if (upper === 'DR') into.negative = true;
    else {
      const code = currencyOfToken(token);
      if (code) into.currency = code;
      else if (into.bad === null) into.bad = token;
    }
  }
}

function amountOfText(text: string, digits: number, hint: DecimalSeparator | null): Parsed<Amount> {
  let first = -1;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    if (isDigit(text.charCodeAt(i))) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    return text.trim() === '' ? fail('amount is empty') : fail(`amount ${show(text)} has no digits`);
  }
  const before = first > 0 ? text.charCodeAt(first - 1) : 0;
  if (before === COMMA || before === DOT) first--; // ",50" and ".5"

  let negative = false;
  let currency: string | null = null;
  if (first > 0 || last < text.length - 1) {
    const affix: Affix = { negative: false, positive: false, parens: 0, currency: null, bad: null };
    if (first > 0) readAffix(text.slice(0, first), affix);
    if (last < text.length - 1) readAffix(text.slice(last + 1), affix);
    if (affix.bad !== null) return fail(`amount ${show(text)} has unexpected text "${affix.bad}"`);
    if (affix.parens !== 0 && affix.parens !== 2)
      return fail(`amount ${show(text)} has an unbalanced bracket`);
    if (affix.negative && affix.positive) return fail(`amount ${show(text)} has both + and − signs`);
    negative = affix.negative || affix.parens === 2;
    currency = affix.currency;
  }
  return amountOfCore(text, first, last, digits, hint, negative, currency);
}

function amountOfCore(
  text: string,
  first: number,
  last: number,
  digits: number,
  hint: DecimalSeparator | null,
  negative: boolean,
  currency: string | null,
): Parsed<Amount> {
  // Pass 1: which separators occur, and how many digits follow the last one.
  let commas = 0;
  let dots = 0;
  let spaces = false;
  let lastComma = -1;
  let lastDot = -1;
  for (let i = first; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === COMMA) {
      commas++;
      lastComma = i;
    } else if (code === DOT) {
      dots++;
      lastDot = i;
    } else if (isGroupSpace(code)) spaces = true;
    else if (!isDigit(code)) return fail(`amount ${show(text)} is not a number`);
  }
  let decimal = -1; // char code of the decimal mark, or -1
  if (commas > 0 && dots > 0) {
    decimal = lastComma > lastDot ? COMMA : DOT;
    if ((decimal === COMMA ? commas : dots) > 1) return fail(`amount ${show(text)} is not a number`);
  } else if (commas + dots === 1) {
    const sepCode = commas === 1 ? COMMA : DOT;
    const at = commas === 1 ? lastComma : lastDot;
    if (hint !== null) decimal = hint.charCodeAt(0) === sepCode ? sepCode : -1;
    else if (
      !spaces &&
      (digits < 3 || sepCode === COMMA) &&
      last - at === 3 &&
      at - first >= 1 &&
      at - first <= 3
    ) {
      decimal = text.charCodeAt(first) === 48 ? sepCode : -1; // "0,123" cannot be grouped
    } else decimal = sepCode;
  } else if (commas + dots > 1 && hint !== null) {
    const repeated = commas > 1 ? COMMA : DOT;
    if (hint.charCodeAt(0) === repeated) return fail(`amount ${show(text)} is not a number`);
  }

  // Pass 2: accumulate digits, checking group lengths.
  let intPart = 0;
  let intDigits = 0;
  let frac = 0;
  let fracDigits = 0;
  let extraNonZero = false;
  let inFraction = false;
  let groupLen = 0;
  let groups = 0; // separators seen in the integer part
  let prevSep = false;
  for (let i = first; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      const d = code - 48;
      prevSep = false;
      if (inFraction) {
        if (fracDigits < digits) frac = frac * 10 + d;
        else if (d !== 0) extraNonZero = true;
        fracDigits++;
      } else {
        intPart = intPart * 10 + d;
        intDigits++;
        groupLen++;
      }
      continue;
    }
    if (code === decimal) {
      if (groups > 0 && groupLen !== 3) return groupProblem(text, groupLen);
      inFraction = true;
      prevSep = true;
      continue;
    }
    // A group separator.
    if (inFraction) return fail(`amount ${show(text)} has a group separator after the decimal mark`);
    if (prevSep && isGroupSpace(code)) continue; // "5  000": a doubled space is still one separator
    if (prevSep) return fail(`amount ${show(text)} is not a number`);
    if (groups === 0 ? groupLen < 1 || groupLen > 3 : groupLen !== 3) return groupProblem(text, groupLen);
    groups++;
    groupLen = 0;
    prevSep = true;
  }
  if (!inFraction && groups > 0 && groupLen !== 3) return groupProblem(text, groupLen);
  if (prevSep && !inFraction) return fail(`amount ${show(text)} is not a number`);
  if (extraNonZero) {
    return fail(`amount ${show(text)} has ${fracDigits} decimal places, more than the currency's ${digits}`);
  }
  if (intDigits > 15) return fail(`amount ${show(text)} is too large`);
  for (let k = Math.min(fracDigits, digits); k < digits; k++) frac *= 10;
  const scale = POWERS[digits] ?? 10 ** digits;
  const magnitude = intPart * scale + frac;
  if (magnitude > MAX_MINOR) return fail(`amount ${show(text)} is too large`);
  return ok({ minor: negative && magnitude !== 0 ? -magnitude : magnitude, currency });
}

function groupProblem(text: string, groupLen: number): Parsed<Amount> {
  return fail(`amount ${show(text)} is not a number: a digit group of ${groupLen} where 3 are expected`);
}

/**
 * The decimal mark a column uses, decided by the cells that are unambiguous: `1 234,56`,
 * `1.234,56`, `12,5`, `1,234,567`. Returns null when no cell tells (then `parseAmount`'s rule
 * applies cell by cell).
 */
export function inferDecimalSeparator(cells: Iterable<Cell>): DecimalSeparator | null {
  let commaVotes = 0;
  let dotVotes = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    let commas = 0;
    let dots = 0;
    let lastComma = -1;
    let lastDot = -1;
    let lastDigit = -1;
    for (let i = 0; i < cell.length; i++) {
      const code = cell.charCodeAt(i);
      if (code === COMMA) {
        commas++;
        lastComma = i;
      } else if (code === DOT) {
        dots++;
        lastDot = i;
      } else if (isDigit(code)) lastDigit = i;
    }
    if (commas > 0 && dots > 0) {
      if (lastComma > lastDot) commaVotes++;
      else dotVotes++;
    } else if (commas > 1) dotVotes++;
    else if (dots > 1) commaVotes++;
    else if (commas === 1 && lastDigit - lastComma !== 3 && lastDigit > lastComma) commaVotes++;
    else if (dots === 1 && lastDigit - lastDot !== 3 && lastDigit > lastDot) dotVotes++;
  }
  if (commaVotes === dotVotes) return null;
  return commaVotes > dotVotes ? ',' : '.';
}
