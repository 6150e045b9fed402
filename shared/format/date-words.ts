/**
 * Letter dates with the month in words, in the case zone (Asia/Almaty) whatever the laptop's zone:
 * `25 ноября 2026 года` (Russian, month in the genitive) and `2026 жылғы 25 қараша` (Kazakh).
 */
import { CASE_TIME_ZONE } from './money';

const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

const dayParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: CASE_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** Calendar day of `date` in the case zone. */
export function caseCalendarDay(date: Date): { year: number; month: number; day: number } {
  const parts = dayParts.formatToParts(date);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day') };
}

export function dateInWords(date: Date, lang: 'ru' | 'kk'): string {
  const { year, month, day } = caseCalendarDay(date);
  // No-break spaces: a date is never split across lines.
  if (lang === 'kk') return `${year}\u00a0жылғы ${day}\u00a0${KK_MONTHS[month - 1] ?? ''}`;
  return `${day}\u00a0${RU_MONTHS[month - 1] ?? ''} ${year}\u00a0года`;
}
