import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../shared/format/money';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';
import { preferences } from './preferences';

export const uiLanguages: readonly UiLanguage[] = ['ru', 'kk', 'en'];

export const languageNames: Record<UiLanguage, string> = { ru: 'Русский', kk: 'Қазақша', en: 'English' };

export const resources = { ru: { translation: ru }, kk: { translation: kk }, en: { translation: en } };

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: preferences.language(),
    fallbackLng: 'ru',
    supportedLngs: uiLanguages,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export function currentLanguage(language: string): UiLanguage {
  return (uiLanguages as readonly string[]).includes(language) ? (language as UiLanguage) : 'ru';
}
