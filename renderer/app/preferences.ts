import type { UiLanguage } from '../../shared/format/money';

/**
 * Per-installation choices that are not case data: kept in localStorage so they apply before the
 * case store opens. Russian is the default language, light the default theme.
 */
const KEYS = {
  language: 'moneytrail.language',
  theme: 'moneytrail.theme',
  investigator: 'moneytrail.investigator',
};

export type Theme = 'light' | 'dark';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage may be full or disabled; the choice then lasts for this session only.
  }
}

export const preferences = {
  language(): UiLanguage {
    const stored = read(KEYS.language);
    return stored === 'kk' || stored === 'en' || stored === 'ru' ? stored : 'ru';
  },
  setLanguage(language: UiLanguage): void {
    write(KEYS.language, language);
  },
  theme(): Theme {
    return read(KEYS.theme) === 'dark' ? 'dark' : 'light';
  },
  setTheme(theme: Theme): void {
    write(KEYS.theme, theme);
  },
  investigator(): string {
    return read(KEYS.investigator) ?? '';
  },
  setInvestigator(name: string): void {
    write(KEYS.investigator, name);
  },
};
