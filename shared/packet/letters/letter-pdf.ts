/** The freeze request as PDF, laid out with the packet's PDF kit. */
import { PdfWriter } from '../pdf/kit';
import { wrapText } from '../pdf/wrap';
import type { PacketFonts } from '../types';
import type { Letter } from './letter-model';

const BODY = 11;
const INDENT = 28;

export async function letterPdf(letter: Letter, fonts: PacketFonts, date: Date): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    fonts,
    title: letter.documentTitle,
    lang: letter.lang,
    createdAt: date,
  });
  // Addressee in the right half, as on an official form.
  pdf.paragraph(letter.addressee.join('\n'), { bold: true, inset: pdf.textWidth * 0.5, spaceAfter: 18 });

  pdf.drawing(16, ({ page, x, y, width, fonts: f }) => {
    const size = BODY;
    if (letter.place) page.drawText(letter.place, { x, y: y + 4, size, font: f.regular });
    const w = f.regular.widthOfTextAtSize(letter.date, size);
    page.drawText(letter.date, { x: x + width - w, y: y + 4, size, font: f.regular });
  });
  pdf.spacer(8);

  pdf.heading(letter.title, 1, 'center');
  pdf.paragraph(letter.subtitle, { bold: true, align: 'center', spaceAfter: 14 });

  for (const text of letter.body) pdf.paragraph(text, { align: 'justify', indentFirstLine: INDENT });

  pdf.paragraph(letter.tableIntro, { bold: true, spaceAfter: 6 });
  pdf.table({ columns: letter.columns, rows: letter.rows, fontSize: 8.5 });
  pdf.paragraph(letter.totalLine, { bold: true, align: 'right', spaceAfter: 12 });

  pdf.paragraph(letter.requestTitle, { bold: true, spaceAfter: 6 });
  const justified = { align: 'justify', indentFirstLine: INDENT } as const;
  for (const text of letter.requests) pdf.paragraph(text, justified);
  for (const text of letter.closing.slice(0, -1)) pdf.paragraph(text, justified);
  // The signature never stands alone on a page: it goes over with the closing paragraph.
  const last = letter.closing.at(-1) ?? '';
  const left = signatureLines(pdf, letter);
  pdf.keepTogether(pdf.measureParagraph(last, justified) + SIGNATURE_GAP + signatureHeight(left));
  if (last !== '') pdf.paragraph(last, justified);
  pdf.spacer(SIGNATURE_GAP);
  signature(pdf, letter, left);
  return pdf.save();
}

const SIGNATURE_GAP = 24;
const LINE = BODY * 1.4;

/** The position, wrapped to the left half of the text width. */
function signatureLines(pdf: PdfWriter, letter: Letter): string[] {
  const measure = { font: pdf.fonts.regular, size: BODY };
  return letter.signatureLeft.flatMap((line) => wrapText(line, pdf.textWidth * 0.5, measure));
}

const signatureHeight = (left: string[]): number => Math.max(1, left.length) * LINE + 4;

/** Position on the left, a signing line and the name on the right. */
function signature(pdf: PdfWriter, letter: Letter, left: string[]): void {
  const lineHeight = LINE;
  const height = signatureHeight(left);
  pdf.drawing(height, ({ page, x, y, width, fonts: f }) => {
    left.forEach((line, i) => {
      page.drawText(line, { x, y: y + height - BODY - i * lineHeight, size: BODY, font: f.regular });
    });
    const name = letter.signatureRight;
    const nameWidth = f.bold.widthOfTextAtSize(name, BODY);
    const baseline = y + 4;
    page.drawText(name, { x: x + width - nameWidth, y: baseline, size: BODY, font: f.bold });
    // Where the investigator signs, just left of the name.
    const lineEnd = x + width - nameWidth - 8;
    const lineStart = Math.max(x + width * 0.52, lineEnd - 110);
    page.drawLine({
      start: { x: lineStart, y: baseline - 2 },
      end: { x: lineEnd, y: baseline - 2 },
      thickness: 0.6,
    });
  });
}
