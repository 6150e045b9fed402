import { describe, expect, it } from 'vitest';
import { defaultTemplate } from './template';
import { templateFromTexts, templateTexts } from './template-text';

describe('template texts', () => {
  it('round-trips the default templates through the editor’s texts', () => {
    for (const lang of ['ru', 'kk'] as const) {
      const template = defaultTemplate(lang);
      expect(templateFromTexts(templateTexts(template))).toEqual(template);
    }
  });

  it('reads paragraphs separated by empty lines and joins lines wrapped inside one', () => {
    const texts = templateTexts(defaultTemplate('ru'));
    texts.requests = 'Первое\nпродолжение\n\n\nВторое  \r\n\r\nТретье';
    expect(templateFromTexts(texts).requests).toEqual(['Первое продолжение', 'Второе', 'Третье']);
  });
});
