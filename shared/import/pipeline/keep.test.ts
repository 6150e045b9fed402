import { describe, expect, it } from 'vitest';
import { keep } from './keep';

describe('keep', () => {
  it('gives the same text, whatever its length, cut from a longer one', () => {
    const file = 'Дата;Сумма;Назначение\n03.01.2024;5 000,00;Перевод на карту 4400 4301 2345 6789\n'.repeat(
      3,
    );
    for (let length = 0; length <= 60; length++) {
      const text = file.slice(7, 7 + length);
      expect(keep(text)).toBe(text);
    }
  });
});
