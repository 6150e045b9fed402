import { useTranslation } from 'react-i18next';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
  timeZoneLabel,
} from '../../shared/format/money';
import { currentLanguage } from './i18n';

/** Formatting bound to the current UI language, so components never pick locales themselves. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return {
    language,
    money: (minorUnits: number, currency: string) => formatMoney(minorUnits, currency, language),
    dateTime: (epochMs: number) => formatDateTime(epochMs, language),
    date: (epochMs: number) => formatDate(epochMs, language),
    zone: (epochMs: number) => timeZoneLabel(epochMs),
    count: (value: number) => formatCount(value, language),
  };
}
