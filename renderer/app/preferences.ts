import type { UiLanguage } from '../../shared/format/money';
import type { GraphRendererChoice } from '../features/graph/graphics';

/**
 * Per-installation choices that are not case data: kept in localStorage so they apply before the
 * case store opens. Russian is the default language, light the default theme.
 */
const KEYS = {
  language: 'moneytrail.language',
  theme: 'moneytrail.theme',
  investigator: 'moneytrail.investigator',
  autoLockMinutes: 'moneytrail.autoLockMinutes',
  demoCaseId: 'moneytrail.demoCaseId',
  graphRenderer: 'moneytrail.graphRenderer',
};

/** Idle minutes after which an unlocked case locks itself; 15 unless the investigator chose. */
export const AUTO_LOCK_CHOICES = [1, 5, 10, 15, 30, 60] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

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
  autoLockMinutes(): number {
    const stored = Number(read(KEYS.autoLockMinutes));
    return (AUTO_LOCK_CHOICES as readonly number[]).includes(stored) ? stored : DEFAULT_AUTO_LOCK_MINUTES;
  },
  setAutoLockMinutes(minutes: number): void {
    write(KEYS.autoLockMinutes, String(minutes));
  },
  /** How the graph is drawn: 'auto' (WebGL on a GPU, canvas otherwise) until the investigator picks. */
  graphRenderer(): GraphRendererChoice {
    const stored = read(KEYS.graphRenderer);
    return stored === 'canvas' || stored === 'webgl' ? stored : 'auto';
  },
  setGraphRenderer(choice: GraphRendererChoice): void {
    write(KEYS.graphRenderer, choice);
  },
  /** The demo case's id: its unlock screen repeats the demo passphrase. Demo data, not case data. */
  demoCaseId(): string | null {
    return read(KEYS.demoCaseId);
  },
  setDemoCaseId(id: string): void {
    write(KEYS.demoCaseId, id);
  },
};
