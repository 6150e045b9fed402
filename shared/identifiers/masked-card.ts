/**
 * Masked card numbers as banks print them (440043******1234, *1234). A mask is kept as a pattern
 * of known digits; it is never completed into a full number, because a guessed PAN in a case
 * file would look like evidence. Resolution to a real card happens only against cards actually
 * seen in the case (see resolve.ts).
 */
import { EMPTY_BANK_DIRECTORY, type BankDirectory, type BankMatch } from './banks';
import { cardBrand, PAN_MAX_LENGTH, PAN_MIN_LENGTH, type CardBrand } from './card';
import { invalid, type Invalid, type Parsed } from './types';

export interface MaskedPan {
  /** Leading digits shown in clear (often the 6-digit BIN), possibly empty. */
  prefix: string;
  /** Trailing digits shown in clear (usually the last 4), possibly empty. */
  suffix: string;
  /** Total PAN length when the mask states it (prefix + hidden + suffix), else null. */
  length: number | null;
}

export interface MaskedCardDetails extends MaskedPan {
  brand: CardBrand | null;
  bank: BankMatch | null;
}

export type MaskedCardResult = Parsed<'card_masked', MaskedCardDetails>;

/** Characters banks use for hidden digits, including Cyrillic х/Х typed on a Russian layout. */
export const MASK_CHARS = '*xXхХ•●·#';
/** Marks "some digits, count unknown" in the normalized value. */
export const UNKNOWN_LENGTH_MARK = '…';

const SEPARATORS = /[\s\u00a0.\-_]/g;
const SHAPE = new RegExp(`^(\\d*)([${MASK_CHARS}]+|${UNKNOWN_LENGTH_MARK})(\\d*)$`);

export interface MaskedCardOptions {
  banks?: BankDirectory;
}

export function formatMaskedPan(m: MaskedPan): string {
  if (m.length === null) return `${m.prefix}${UNKNOWN_LENGTH_MARK}${m.suffix}`;
  return `${m.prefix}${'*'.repeat(m.length - m.prefix.length - m.suffix.length)}${m.suffix}`;
}

/** Shape analysis without brand/bank lookups: cheap enough for hot loops over distinct values. */
function analyse(raw: string): MaskedPan | Invalid<'card_masked'> {
  const compact = raw.trim().replace(SEPARATORS, '');
  if (compact.length === 0) return invalid('card_masked', raw, 'empty', 'Masked card number is empty');
  const m = SHAPE.exec(compact);
  if (!m) {
    return invalid(
      'card_masked',
      raw,
      'format',
      'A masked card number is clear leading digits, then mask characters (* X •), then clear trailing digits',
    );
  }
  const prefix = m[1] ?? '';
  const mask = m[2] ?? '';
  const suffix = m[3] ?? '';
  if (prefix.length + suffix.length < 4) {
    return invalid('card_masked', raw, 'length', 'A masked card number needs at least 4 clear digits');
  }
  if (prefix.startsWith('0'))
    return invalid('card_masked', raw, 'format', 'A card number never starts with 0');
  const total = prefix.length + (mask === UNKNOWN_LENGTH_MARK ? 0 : mask.length) + suffix.length;
  if (prefix.length + suffix.length >= PAN_MAX_LENGTH || (prefix.length > 0 && total > PAN_MAX_LENGTH)) {
    return invalid('card_masked', raw, 'length', `A card number has at most ${PAN_MAX_LENGTH} digits`);
  }
  // The count of mask characters states the length only when the bank anchored both ends; "****1234"
  // is a display convention and says nothing about how many digits precede.
  const length =
    mask !== UNKNOWN_LENGTH_MARK && prefix.length > 0 && total >= PAN_MIN_LENGTH && total <= PAN_MAX_LENGTH
      ? total
      : null;
  return { prefix, suffix, length };
}

export function parseMaskedCard(raw: string, options: MaskedCardOptions = {}): MaskedCardResult {
  const pattern = analyse(raw);
  if ('ok' in pattern) return pattern;
  const banks = options.banks ?? EMPTY_BANK_DIRECTORY;
  return {
    ok: true,
    kind: 'card_masked',
    value: formatMaskedPan(pattern),
    raw,
    details: {
      ...pattern,
      brand: cardBrand(pattern.prefix, pattern.length ?? undefined),
      bank: pattern.prefix.length >= 6 ? banks.byPan(pattern.prefix) : null,
    },
  };
}

/** The digit pattern of a normalized or raw mask; null when it is not a mask. */
export function maskedPattern(masked: string): MaskedPan | null {
  const r = analyse(masked);
  return 'ok' in r ? null : r;
}

/** True when `fullPan` (digits, separators allowed) is consistent with every digit the mask shows. */
export function maskedMatches(masked: string | MaskedPan, fullPan: string): boolean {
  const pattern = typeof masked === 'string' ? maskedPattern(masked) : masked;
  if (!pattern) return false;
  const pan = fullPan.replace(SEPARATORS, '');
  if (!/^\d+$/.test(pan)) return false;
  if (pattern.length !== null && pan.length !== pattern.length) return false;
  if (pan.length < pattern.prefix.length + pattern.suffix.length) return false;
  return pan.startsWith(pattern.prefix) && pan.endsWith(pattern.suffix);
}
