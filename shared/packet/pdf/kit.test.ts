import { join } from 'node:path';
import { rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfWriter, type PdfDocOptions } from './kit';
import { loadDejaVu, pdfFonts, pdfPages, pdfText, renderPages, TEST_OUTPUT } from './poppler.test-support';

const fonts = loadDejaVu();
const createdAt = new Date(Date.UTC(2026, 10, 25, 9, 30));
const IBAN = 'KZ86125KZT5004100100KZ86125KZT5004100100KZ86125KZT5004100100';
const KAZAKH = 'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі — қаржы тергеуі, 1 250 000 ₸';

async function sample(options: Partial<PdfDocOptions> = {}): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ fonts, title: 'Проверка', lang: 'ru', createdAt, ...options });
  pdf.heading('Отчёт о движении денежных средств', 1);
  pdf.paragraph(KAZAKH, { bold: true });
  pdf.paragraph(
    'Настоящим сообщаем, что в ходе досудебного расследования установлено движение денежных средств ' +
      'по перечисленным ниже счетам и картам. Текст выровнен по ширине, первая строка с отступом. '.repeat(3),
    { align: 'justify', indentFirstLine: 28 },
  );
  pdf.keyValue([
    ['Номер ЕРДР', '261500031000123'],
    ['IBAN', IBAN],
  ]);
  pdf.heading('Перечень счетов', 2);
  pdf.table({
    columns: [
      { title: '№', width: 0.06, align: 'right' },
      { title: 'Идентификатор', width: 0.34 },
      { title: 'Владелец', width: 0.4 },
      { title: 'Сумма', width: 0.2, align: 'right' },
    ],
    rows: Array.from({ length: 120 }, (_, i) => [
      String(i + 1),
      i % 10 === 0 ? IBAN : `4400 4301 ${String(1000 + i)} 7788`,
      i % 7 === 0 ? 'Иванов Иван Иванович, ИИН 900101300123, г. Алматы, ул. Абая 10' : 'Сәрсенбаев Қ. Ө.',
      '1 250 000,00 ₸',
    ]),
  });
  pdf.drawing(120, ({ page, x, y, width, height, fonts: f }) => {
    page.drawRectangle({ x, y, width, height, borderColor: rgb(0, 0, 0.6), borderWidth: 1 });
    page.drawText('Схема', { x: x + 8, y: y + height - 20, size: 12, font: f.bold });
  });
  pdf.spacer(12);
  pdf.paragraph('Конец.', { align: 'right' });
  return pdf.save();
}

describe('PdfWriter', () => {
  it('lays out a multi-page document with a repeating table header and page numbers', async () => {
    const bytes = await sample();
    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((text, i) => {
      expect(text).toContain(`Страница ${i + 1} из ${pages.length}`);
      if (i > 0 && i < pages.length - 1) expect(text).toMatch(/Идентификатор\s+Владелец/);
    });
    const pngs = renderPages(bytes, join(TEST_OUTPUT, 'kit'));
    expect(pngs).toHaveLength(pages.length);
  });

  it('round-trips Kazakh letters and ₸ through the ToUnicode map', async () => {
    const text = pdfText(await sample()).replace(/\u00a0/g, ' ');
    expect(text).toContain('Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі');
    expect(text).toContain('1 250 000 ₸');
  });

  it('wraps an unbreakable IBAN instead of running off the page', async () => {
    const text = pdfText(await sample());
    expect(text.replace(/\s+/g, '')).toContain(IBAN);
    expect(text.split('\n').some((line) => line.includes(IBAN))).toBe(false);
  });

  it('embeds subset fonts', async () => {
    const lines = pdfFonts(await sample())
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(line).toMatch(/^MTRAA[AB]\+DejaVuSans\S* +CID TrueType +Identity-H +yes +yes +yes/);
  });

  it('gives the same bytes for the same inputs', async () => {
    const a = await sample();
    const b = await sample();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await sample({ createdAt: new Date(Date.UTC(2026, 10, 26)) });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('words page numbers in Kazakh and English, and lays out landscape pages', async () => {
    expect(pdfText(await sample({ lang: 'kk' }))).toMatch(/1-бет, барлығы \d+/);
    const en = await sample({ lang: 'en', landscape: true });
    expect(pdfText(en)).toMatch(/Page 1 of \d+/);
    renderPages(en, join(TEST_OUTPUT, 'kit-landscape'));
  });

  it('survives glyphs the font lacks, an empty table and a row taller than a page', async () => {
    const pdf = await PdfWriter.create({ fonts, title: 'Edge', lang: 'ru', createdAt });
    pdf.paragraph('Имя держателя: 王小明 😀 — glyphs DejaVu lacks must not abort the packet.');
    pdf.table({ columns: [{ title: 'Пусто', width: 1 }], rows: [] });
    const tall = Array.from({ length: 150 }, (_, i) => `строка ${i + 1}`).join('\n');
    pdf.table({
      columns: [
        { title: 'Колонка', width: 0.5 },
        { title: 'Длинная ячейка', width: 0.5 },
      ],
      rows: [['короткая', tall]],
    });
    pdf.pageBreak();
    pdf.pageBreak();
    pdf.paragraph('После разрыва.');
    const pages = pdfPages(await pdf.save());
    expect(pages.length).toBe(4);
    expect(pages[1]).toContain('Длинная ячейка');
    expect(pages[2]).toContain('строка 150');
    expect(pages[3]).toContain('После разрыва.');
  });
});
