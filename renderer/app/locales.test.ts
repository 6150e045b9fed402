import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';

/** Flattens to dotted keys, folding i18next plural suffixes so languages with more forms compare equal. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null)
    return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

const unique = (keys: string[]) => [...new Set(keys)].sort();

describe('translations', () => {
  it('have the same keys in Russian, Kazakh and English', () => {
    expect(unique(keysOf(kk))).toEqual(unique(keysOf(ru)));
    expect(unique(keysOf(en))).toEqual(unique(keysOf(ru)));
  });

  it('have no empty strings', () => {
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Object.values(value as object).flatMap(texts);
    for (const [name, locale] of Object.entries({ ru, kk, en })) {
      expect(
        texts(locale).filter((text) => text.trim() === ''),
        name,
      ).toEqual([]);
    }
  });

  it('have Russian plural forms where Russian needs them', () => {
    expect(Object.keys(ru.cases)).toEqual(expect.arrayContaining(['count_one', 'count_few', 'count_many']));
    expect(Object.keys(ru.audit)).toEqual(
      expect.arrayContaining(['intact_one', 'intact_few', 'intact_many']),
    );
  });
});
