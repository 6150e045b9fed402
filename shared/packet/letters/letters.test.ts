import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDejaVu, pdfPages, pdfText, renderPages, TEST_OUTPUT } from '../pdf/poppler.test-support';
import { entries, FACTS, LETTER_DATE } from './fixtures.test-support';
import { buildLetters, defaultTemplate, letterDocx, letterFor, letterPdf } from './index';
import { tie } from './letter-model';

const fonts = loadDejaVu();
const flat = (text: string): string => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

function kaspi(count: number, lang: 'ru' | 'kk') {
  return letterFor('Kaspi Bank', entries(count), FACTS, defaultTemplate(lang), lang, LETTER_DATE);
}

describe('letterFor', () => {
  it('lists the institution’s assets with identifiers as the bank needs them', () => {
    const letter = kaspi(3, 'ru');
    expect(letter.rows).toHaveLength(3);
    expect(letter.rows[0]).toEqual([
      '1',
      'Платёжная карта',
      '4400 4301 0000 1000',
      'Қайратұлы Ғалымжан Өмірұлы, ИИН 900101300123',
      '1\u00a0250\u00a0000,00 KZT',
      'kaspi-0.xlsx, стр.\u00a010',
    ]);
    expect(letter.rows[1]?.[2]).toBe('KZ86 722C 0000 1234 1001');
    expect(letter.rows[1]?.[3]).toBe('ТОО «Шығыс Сауда», БИН 150440012345');
    expect(letter.rows[2]?.[2]).toBe('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj10');
    expect(letter.totals.map((t) => flat(t.words))).toEqual([
      '2 500 001,01 (два миллиона пятьсот тысяч один) тенге 01 тиын',
      '1 252,50 (одна тысяча двести пятьдесят два) USDT 50 центов',
    ]);
    expect(flat(letter.body.join(' '))).toContain('на общую сумму 2 500 001,01 (два миллиона');
    expect(letter.addressee).toEqual(['Председателю Правления', 'Kaspi Bank']);
    expect(flat(letter.place)).toBe('г. Алматы');
    expect(flat(letter.date)).toBe('25 ноября 2026 года');
  });

  it('writes Kazakh captions, ЖСН and a capitalised default organisation', () => {
    const letter = letterFor(
      'Kaspi Bank',
      entries(3),
      { ...FACTS, organisation: '' },
      defaultTemplate('kk'),
      'kk',
      LETTER_DATE,
    );
    expect(letter.columns[1]?.title).toBe('Актив түрі');
    expect(letter.rows[0]?.[3]).toContain('ЖСН 900101300123');
    expect(letter.body[0]).toMatch(/^Қылмыстық қудалау органының іс жүргізуінде/);
    expect(flat(letter.totals[0]?.words ?? '')).toBe(
      '2 500 001,01 (екі миллион бес жүз мың бір) теңге 01 тиын',
    );
    expect(letter.addressee).toEqual(['Kaspi Bank', 'Басқарма Төрағасына']);
  });

  it('addresses an exchange’s compliance service, not a chairman of the board', () => {
    const letter = letterFor('Binance', entries(3), FACTS, defaultTemplate('ru'), 'ru', LETTER_DATE);
    expect(letter.addressee).toEqual(['В службу комплаенс (запросы правоохранительных органов)', 'Binance']);
  });
});

describe.each(['ru', 'kk'] as const)('letter PDF (%s)', (lang) => {
  it('carries the sum in words, the identifiers and Kazakh letters', async () => {
    const letter = kaspi(3, lang);
    const bytes = await letterPdf(letter, fonts, LETTER_DATE);
    const text = flat(pdfText(bytes));
    expect(text).toContain(lang === 'ru' ? 'два миллиона пятьсот тысяч' : 'екі миллион бес жүз мың');
    // A holder's name wraps inside its cell; each word survives the ToUnicode round trip.
    for (const word of ['Қайратұлы', 'Ғалымжан', 'Өмірұлы', 'Шығыс']) expect(text).toContain(word);
    expect(text).toContain('4400 4301 0000 1000');
    expect(text).toContain(lang === 'ru' ? 'Страница 1 из 2' : '1-бет, барлығы 2');
    expect(renderPages(bytes, join(TEST_OUTPUT, `letter-3.${lang}`))).toHaveLength(2);
  });

  it('runs 60 assets over several pages, header repeated, and is byte-for-byte repeatable', async () => {
    const letter = kaspi(60, lang);
    const bytes = await letterPdf(letter, fonts, LETTER_DATE);
    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(2);
    const caption = lang === 'ru' ? 'Идентификатор' : 'Сәйкестендіргіш';
    expect(pages.filter((p) => p.includes(caption)).length).toBeGreaterThanOrEqual(2);
    // The address is cut across lines of its cell, so look for its pieces.
    const all = pages.join('');
    expect(all).toContain('TR7NHqjeKQ');
    expect(all).toContain('gjLj10');
    expect(same(bytes, await letterPdf(kaspi(60, lang), fonts, LETTER_DATE))).toBe(true);
    renderPages(bytes, join(TEST_OUTPUT, `letter-60.${lang}`));
  });
});

describe.each(['ru', 'kk'] as const)('letter DOCX (%s)', (lang) => {
  it('is a Word document with the identifiers, a repeating header row and page fields', async () => {
    const bytes = await letterDocx(kaspi(60, lang), LETTER_DATE);
    const files = unzipSync(bytes);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('4400 4301 0000 1057');
    expect(xml).toContain('KZ86 722C 0000 1234 1058');
    expect(xml).toContain('<w:tblHeader/>');
    expect(strFromU8(files['word/styles.xml']!)).toContain('Times New Roman');
    expect(xml).toContain(lang === 'ru' ? 'пятьдесят миллионов' : 'елу миллион');
    const footer = Object.entries(files).find(([name]) => /word\/footer\d*\.xml/.test(name));
    expect(strFromU8(footer![1])).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(strFromU8(files['docProps/core.xml']!)).toContain('2026-11-25T04:00:00Z');
    expect(same(bytes, await letterDocx(kaspi(60, lang), LETTER_DATE))).toBe(true);
  });
});

describe('buildLetters', () => {
  it('writes one DOCX and one PDF per requested institution, repeatably', async () => {
    const build = () => buildLetters(entries(3), FACTS, { lang: 'ru', date: LETTER_DATE, fonts });
    const files = await build();
    expect(files.map((f) => f.path)).toEqual([
      'letters/binance.ru.docx',
      'letters/binance.ru.pdf',
      'letters/kaspi-bank.ru.docx',
      'letters/kaspi-bank.ru.pdf',
    ]);
    const again = await build();
    files.forEach((f, i) => expect(same(f.bytes, again[i]!.bytes)).toBe(true));
    const binance = flat(pdfText(files[1]!.bytes));
    expect(binance).toContain('12 500,50 (двенадцать тысяч пятьсот) USDT 50 центов');
  });
});

describe('buildLetters with an edited template', () => {
  it('refuses a template with a typo before writing anything', async () => {
    const template = defaultTemplate('ru');
    template.closing = ['Ответ направить в {{organisaton}}.'];
    await expect(
      buildLetters(entries(3), FACTS, { lang: 'ru', date: LETTER_DATE, fonts, template }),
    ).rejects.toThrow(
      /closing: unknown placeholder \{\{organisaton\}\}\. Did you mean \{\{organisation\}\}\?/,
    );
  });
});

describe('tie', () => {
  it('keeps № with its number and initials with the surname', () => {
    expect(tie('ЕРДР № 2615 по ст. 161, г. Алматы, Ж. Ә. Нұрланов')).toBe(
      'ЕРДР №\u00a02615 по ст.\u00a0161, г.\u00a0Алматы, Ж.\u00a0Ә.\u00a0Нұрланов',
    );
  });
});
