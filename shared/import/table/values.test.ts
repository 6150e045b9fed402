import { describe, expect, it } from 'vitest';
import { parseCurrencyCode, parseDirection, parseText } from './values';

describe('parseCurrencyCode', () => {
  it.each([
    ['KZT - Тенге', 'KZT'],
    ['KZT', 'KZT'],
    ['тенге', 'KZT'],
    ['Тенге', 'KZT'],
    ['₸', 'KZT'],
    [398, 'KZT'],
    ['398', 'KZT'],
    ['USD', 'USD'],
    [840, 'USD'],
    ['978', 'EUR'],
    ['RUB - Российский рубль', 'RUB'],
    ['доллар США', 'USD'],
    ['USDT', 'USDT'],
    ['CHF', 'CHF'],
  ])('%s → %s', (cell, code) => {
    expect(parseCurrencyCode(cell)).toEqual({ ok: true, value: code });
  });

  it('says why a currency is not one', () => {
    expect(parseCurrencyCode(999)).toEqual({
      ok: false,
      reason: 'currency 999 is not a known ISO 4217 number',
    });
    expect(parseCurrencyCode('фантики')).toEqual({
      ok: false,
      reason: 'currency "фантики" is not an ISO code, number or known name',
    });
    expect(parseCurrencyCode(null)).toEqual({ ok: false, reason: 'currency is empty' });
  });
});

describe('parseDirection', () => {
  it.each([
    ['дебет', 'out'],
    ['Платежное поручение (дебет)', 'out'],
    ['исх', 'out'],
    ['Перевод исх.', 'out'],
    ['Исходящий', 'out'],
    ['ИСХ', 'out'],
    ['ВХ', 'in'],
    ['Кредит', 'in'],
    ['Пополнение', 'in'],
    ['Списание', 'out'],
    ['Debit', 'out'],
    ['Credit', 'in'],
    ['Кіріс', 'in'],
    ['Шығыс', 'out'],
    ['1 - Внешние входящие', 'in'],
    ['2 - Внешние исходящие', 'out'],
    ['Поступление средств', 'in'],
  ])('%s → %s', (text, direction) => {
    expect(parseDirection(text)).toEqual({ ok: true, value: direction });
  });

  it('does not guess from words that only look like a direction', () => {
    expect(parseDirection('Погашение кредита').ok).toBe(false);
    expect(parseDirection('Перевод').ok).toBe(false);
    expect(parseDirection('Дебет/Кредит')).toEqual({
      ok: false,
      reason: 'operation type "Дебет/Кредит" does not say whether money came in or went out',
    });
  });
});

describe('parseText', () => {
  it('trims and collapses every kind of space and line break', () => {
    expect(parseText('  ТОО\u00a0"Асыл\nТас"\u202f ')).toBe('ТОО "Асыл Тас"');
    expect(parseText(null)).toBe('');
    expect(parseText(119)).toBe('119');
  });
});
