/**
 * Sums in words for freeze letters, in the customary Kazakhstani style:
 * `1 250 000,00 (один миллион двести пятьдесят тысяч) тенге 00 тиын` and
 * `1 250 000,00 (бір миллион екі жүз елу мың) теңге 00 тиын`. The whole units are spelled out,
 * the minor units stay in figures. Russian agrees the scale and unit words with the number
 * (одна тысяча, две тысячи, пять тысяч; 2 тиына, 5 тиынов); zero minor units are written
 * "00 тиын" as in the customary form. Kazakh has no agreement. "Бір" is written before мың,
 * жүз, миллион so nothing can be inserted in front of a sum.
 *
 * Crypto (USDT, 6 decimals): the figure keeps every significant decimal (never rounded: the
 * letter must name what is on the wallet), the words cover whole units, and a fraction that
 * fits in cents is named in cents (`12 500,50 (двенадцать тысяч пятьсот) USDT 50 центов`);
 * a finer one is quoted in figures (`… USDT 0,123456`).
 */
import { currencyMinorDigits } from '../model/currency';

export type WordsLang = 'ru' | 'kk';
type Gender = 'm' | 'f';
/** Forms for 1, 2–4 and 5+ (Russian); Kazakh repeats one form. */
type Forms = readonly [string, string, string];

const RU_UNITS = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const RU_TENS = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
];
const RU_HUNDREDS = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
];
const RU_SCALES: { forms: Forms; gender: Gender }[] = [
  { forms: ['', '', ''], gender: 'm' },
  { forms: ['тысяча', 'тысячи', 'тысяч'], gender: 'f' },
  { forms: ['миллион', 'миллиона', 'миллионов'], gender: 'm' },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], gender: 'm' },
  { forms: ['триллион', 'триллиона', 'триллионов'], gender: 'm' },
];

const KK_UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const KK_TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];
const KK_SCALES = ['', 'мың', 'миллион', 'миллиард', 'триллион'];

/** Picks the Russian form agreeing with `n`: 1 тиын, 2 тиына, 5 тиынов, 11 тиынов, 21 тиын. */
export function pluralRu(n: number, forms: Forms): string {
  const tens = n % 100;
  const ones = n % 10;
  if (tens >= 11 && tens <= 14) return forms[2];
  if (ones === 1) return forms[0];
  if (ones >= 2 && ones <= 4) return forms[1];
  return forms[2];
}

function tripletRu(n: number, gender: Gender): string[] {
  const words = [RU_HUNDREDS[Math.floor(n / 100)] ?? ''];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) {
    words.push(RU_TEENS[rest - 10] ?? '');
  } else {
    words.push(RU_TENS[Math.floor(rest / 10)] ?? '');
    const ones = rest % 10;
    if (gender === 'f' && ones === 1) words.push('одна');
    else if (gender === 'f' && ones === 2) words.push('две');
    else words.push(RU_UNITS[ones] ?? '');
  }
  return words.filter(Boolean);
}

function tripletKk(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  const words = hundreds > 0 ? [KK_UNITS[hundreds] ?? '', 'жүз'] : [];
  words.push(KK_TENS[Math.floor((n % 100) / 10)] ?? '', KK_UNITS[n % 10] ?? '');
  return words.filter(Boolean);
}

/** A non-negative whole number in words; `gender` is the Russian gender of the counted noun. */
export function integerToWords(value: number, lang: WordsLang, gender: Gender = 'm'): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Cannot spell ${value}`);
  if (value === 0) return lang === 'ru' ? 'ноль' : 'нөл';
  const triplets: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) triplets.push(rest % 1000);
  if (triplets.length > RU_SCALES.length) throw new RangeError(`Cannot spell ${value}`);
  const words: string[] = [];
  for (let scale = triplets.length - 1; scale >= 0; scale--) {
    const n = triplets[scale] ?? 0;
    if (n === 0) continue;
    if (lang === 'kk') {
      words.push(...tripletKk(n), KK_SCALES[scale] ?? '');
    } else {
      const s = RU_SCALES[scale] ?? { forms: ['', '', ''] as const, gender: 'm' as const };
      words.push(...tripletRu(n, scale === 0 ? gender : s.gender), pluralRu(n, s.forms));
    }
  }
  return words.filter(Boolean).join(' ');
}

interface CurrencyWords {
  unit: Forms;
  unitGender: Gender;
  minor: Forms | null;
}

const CURRENCIES: Record<WordsLang, Record<string, CurrencyWords>> = {
  ru: {
    KZT: { unit: ['тенге', 'тенге', 'тенге'], unitGender: 'm', minor: ['тиын', 'тиына', 'тиынов'] },
    USD: {
      unit: ['доллар США', 'доллара США', 'долларов США'],
      unitGender: 'm',
      minor: ['цент', 'цента', 'центов'],
    },
    EUR: { unit: ['евро', 'евро', 'евро'], unitGender: 'm', minor: ['цент', 'цента', 'центов'] },
    RUB: { unit: ['рубль', 'рубля', 'рублей'], unitGender: 'm', minor: ['копейка', 'копейки', 'копеек'] },
    USDT: { unit: ['USDT', 'USDT', 'USDT'], unitGender: 'm', minor: ['цент', 'цента', 'центов'] },
  },
  kk: {
    KZT: { unit: ['теңге', 'теңге', 'теңге'], unitGender: 'm', minor: ['тиын', 'тиын', 'тиын'] },
    USD: {
      unit: ['АҚШ доллары', 'АҚШ доллары', 'АҚШ доллары'],
      unitGender: 'm',
      minor: ['цент', 'цент', 'цент'],
    },
    EUR: { unit: ['еуро', 'еуро', 'еуро'], unitGender: 'm', minor: ['цент', 'цент', 'цент'] },
    RUB: {
      unit: ['Ресей рублі', 'Ресей рублі', 'Ресей рублі'],
      unitGender: 'm',
      minor: ['тиын', 'тиын', 'тиын'],
    },
    USDT: { unit: ['USDT', 'USDT', 'USDT'], unitGender: 'm', minor: ['цент', 'цент', 'цент'] },
  },
};

/** `1250000` → `1 250 000` with no-break spaces, so a sum never wraps mid-number. */
export function groupDigits(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/**
 * The figure as written in letters: `1 250 000,00`, comma decimals, no-break group spaces.
 * Currencies with more than two decimals (USDT) keep their significant digits, at least two.
 */
export function amountFigures(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const scale = 10 ** digits;
  const whole = groupDigits(Math.floor(abs / scale));
  if (digits === 0) return sign + whole;
  let fraction = String(abs % scale).padStart(digits, '0');
  if (digits > 2) fraction = fraction.replace(/0+$/, '').padEnd(2, '0');
  return `${sign}${whole},${fraction}`;
}

export interface AmountInWords {
  /** `1 250 000,00` */
  figures: string;
  /** `один миллион двести пятьдесят тысяч` */
  words: string;
  /** `тенге` (agreeing with the whole units) */
  unit: string;
  /** `00 тиын`; empty for currencies without minor units. */
  minorPart: string;
  /** `1 250 000,00 (один миллион двести пятьдесят тысяч) тенге 00 тиын` */
  full: string;
}

export function amountInWords(minor: number, currency: string, lang: WordsLang): AmountInWords {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`Cannot spell amount ${minor}`);
  const code = currency.toUpperCase();
  const digits = currencyMinorDigits(code);
  const scale = 10 ** digits;
  const whole = Math.floor(minor / scale);
  const fraction = minor % scale;
  const names = CURRENCIES[lang][code] ?? { unit: [code, code, code], unitGender: 'm', minor: null };
  const figures = amountFigures(minor, code);
  const words = integerToWords(whole, lang, names.unitGender);
  const unit = lang === 'ru' ? pluralRu(whole, names.unit) : names.unit[0];
  let minorPart = '';
  if (digits > 0) {
    // Cents: the first two decimals, when nothing finer is there.
    const cents = digits >= 2 && fraction % 10 ** (digits - 2) === 0 ? fraction / 10 ** (digits - 2) : null;
    if (cents !== null && names.minor) {
      // "00 тиын" is the customary zero; other Russian minor units take the plural ("00 копеек").
      // Kazakh lists one form three times, so the same agreement call serves both languages.
      const zero = code === 'KZT' ? names.minor[0] : names.minor[2];
      const word = cents === 0 ? zero : pluralRu(cents, names.minor);
      minorPart = `${String(cents).padStart(2, '0')} ${word}`;
    } else if (fraction > 0) {
      minorPart = `0,${amountFigures(fraction, code).split(',')[1] ?? ''}`;
    }
  }
  const full = `${figures} (${words}) ${unit}${minorPart ? ` ${minorPart}` : ''}`;
  return { figures, words, unit, minorPart, full };
}
