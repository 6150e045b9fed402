/**
 * Money and dates as the investigator reads them. Pure Intl, so the app, the CLI and the
 * seizure packet print identical figures. Amounts are kept in minor units (tiyn, cents) as
 * integers everywhere else; this module is the only place they become text.
 */
import { currencyMinorDigits } from '../model/currency';

export type UiLanguage = 'ru' | 'kk' | 'en';

export const CASE_TIME_ZONE = 'Asia/Almaty';

/**
 * Kazakh amounts are written like Russian ones (2 345 824,57 ₸). Chromium builds without kk number
 * data (Debian's) fall back to English grouping for `kk-KZ`, so numbers use ru-RU's, which ICU
 * always has and which gives the same text where kk-KZ data exists.
 */
const intlLocale: Record<UiLanguage, string> = { ru: 'ru-RU', kk: 'ru-RU', en: 'en-GB' };

/** Kazakh documents write dates as 25.11.2026 like Russian ones; ICU's kk pattern is ISO-like. */
const dateLocale = intlLocale;

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: UiLanguage, currency: string): Intl.NumberFormat {
  const key = `${language}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    const digits = currencyMinorDigits(currency);
    const isIso = /^[A-Z]{3}$/.test(currency) && currency !== 'USDT';
    format = new Intl.NumberFormat(intlLocale[language], {
      ...(isIso ? { style: 'currency', currency, currencyDisplay: 'narrowSymbol' } : {}),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * `formatMoney(123456789, 'KZT', 'ru')` → `1 234 567,89 ₸`. Takes minor units so no float
 * rounding creeps in between the statement and the screen. Group separators are no-break spaces.
 */
export function formatMoney(minorUnits: number | bigint, currency: string, language: UiLanguage): string {
  const code = currency.toUpperCase();
  const digits = currencyMinorDigits(code);
  const value = Number(minorUnits) / 10 ** digits;
  const text = numberFormat(language, code).format(value);
  // Intl uses U+202F (narrow no-break space) in some locales; one kind of space keeps columns aligned.
  const normalized = text.replace(/\u202f/g, '\u00a0');
  return /^[A-Z]{3}$/.test(code) && code !== 'USDT' ? normalized : `${normalized}\u00a0${code}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: UiLanguage, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withTime}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale[language], {
      timeZone: CASE_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** `25.11.2026 17:09` in Asia/Almaty, whatever the laptop's own zone is. */
export function formatDateTime(epochMs: number, language: UiLanguage): string {
  return dateTimeFormat(language, true).format(epochMs).replace(',', '');
}

export function formatDate(epochMs: number, language: UiLanguage): string {
  return dateTimeFormat(language, false).format(epochMs);
}

/** The zone label shown next to times where it matters (UTC+5 since Kazakhstan's 2024 change). */
export function timeZoneLabel(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: CASE_TIME_ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(epochMs)
    .find((part) => part.type === 'timeZoneName');
  return `${CASE_TIME_ZONE} (${parts?.value ?? 'GMT+5'})`;
}

const countFormats = new Map<UiLanguage, Intl.NumberFormat>();

/** Row and entity counts: `1 240 000` in ru/kk, `1,240,000` in en. */
export function formatCount(value: number, language: UiLanguage): string {
  let format = countFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[language], { maximumFractionDigits: 0 });
    countFormats.set(language, format);
  }
  return format.format(value).replace(/\u202f/g, '\u00a0');
}
