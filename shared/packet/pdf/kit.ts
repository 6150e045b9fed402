/**
 * A small flowing-layout PDF writer over pdf-lib for the seizure packet: headings, paragraphs,
 * label/value blocks, ruled tables and free drawings, A4, page numbers stamped at the end.
 * Fonts are embedded as subsets (Cyrillic, Kazakh letters and ₸ need a real TrueType font) and
 * pdf-lib's random names come from a seeded generator, so the same inputs give the same bytes.
 */
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PacketFonts } from '../types';
import { MARGINS, PageFlow } from './flow';
import { drawTable, type TableSpec } from './table';
import { textWidth, wrapText, type Measure } from './wrap';

export type { TableColumn, TableSpec } from './table';
export { MARGINS } from './flow';

export type PdfLang = 'ru' | 'kk' | 'en';

export interface PdfDocOptions {
  fonts: PacketFonts;
  title: string;
  lang: PdfLang;
  /** Written as CreationDate and ModDate; the kit reads no other clock. */
  createdAt: Date;
  landscape?: boolean;
}

export interface ParagraphStyle {
  bold?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
  size?: number;
  indentFirstLine?: number;
  spaceAfter?: number;
  /** Left inset of the whole block, e.g. an addressee block in the right half of the page. */
  inset?: number;
}

export interface DrawingContext {
  page: PDFPage;
  x: number;
  y: number;
  width: number;
  height: number;
  fonts: { regular: PDFFont; bold: PDFFont };
}

// The ES build exports fontkit as default, the UMD build (Node) as the module itself.
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
const fontkit = ((fontkitModule as { default?: Fontkit }).default ?? fontkitModule) as Fontkit;

const BODY_SIZE = 11;
const HEADING = {
  1: { size: 15, before: 12, after: 8 },
  2: { size: 13, before: 10, after: 6 },
  3: { size: 11.5, before: 8, after: 4 },
} as const;

/**
 * A subset font is named `ABCDEF+PostScriptName` (PDF 32000 §9.6.4); pdf-lib would write
 * `Name-1234` instead, which viewers and PDF/A checkers do not recognise as a subset. Fixed tags
 * keep the bytes repeatable.
 */
function subsetOf(bytes: Uint8Array, tag: string): { subset: true; customName: string } {
  const postscript = fontkit.create(bytes)?.postscriptName ?? 'Font';
  const name = postscript.replace(/[^\x21-\x7e]|[#()<>[\]{}/%]/g, '');
  return { subset: true, customName: `${tag}+${name}` };
}

/**
 * pdf-lib encodes every drawn string by running fontkit's OpenType layout on it; a report's
 * tables repeat the same identifiers, file names and captions thousands of times. The encoding of
 * a string never changes within a document (its glyphs are added to the subset the first time).
 */
function remembered(font: PDFFont): PDFFont {
  const encode = font.encodeText.bind(font);
  const cache = new Map<string, ReturnType<PDFFont['encodeText']>>();
  font.encodeText = (text: string) => {
    let encoded = cache.get(text);
    if (encoded === undefined) {
      encoded = encode(text);
      cache.set(text, encoded);
    }
    return encoded;
  };
  return font;
}

export function pageLabel(lang: PdfLang, page: number, total: number): string {
  if (lang === 'kk') return `${page}-бет, барлығы ${total}`;
  if (lang === 'en') return `Page ${page} of ${total}`;
  return `Страница ${page} из ${total}`;
}

export class PdfWriter {
  private constructor(
    private readonly doc: PDFDocument,
    private readonly flow: PageFlow,
    private readonly options: PdfDocOptions,
  ) {}

  static async create(options: PdfDocOptions): Promise<PdfWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const regular = remembered(
      await doc.embedFont(options.fonts.regular, subsetOf(options.fonts.regular, 'MTRAAA')),
    );
    const bold = remembered(await doc.embedFont(options.fonts.bold, subsetOf(options.fonts.bold, 'MTRAAB')));
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    doc.setLanguage(options.lang);
    doc.setCreator('MoneyTrail');
    doc.setProducer('MoneyTrail');
    doc.setCreationDate(options.createdAt);
    doc.setModificationDate(options.createdAt);
    return new PdfWriter(doc, new PageFlow(doc, { regular, bold }, options.landscape ?? false), options);
  }

  /** The embedded fonts, for callers measuring text before reserving a drawing. */
  get fonts(): { regular: PDFFont; bold: PDFFont } {
    return this.flow.fonts;
  }

  /** Width of the text column in points, for callers sizing drawings. */
  get textWidth(): number {
    return this.flow.width;
  }

  heading(text: string, level: 1 | 2 | 3 = 1, align: 'left' | 'center' = 'left'): void {
    const h = HEADING[level];
    const m: Measure = { font: this.flow.fonts.bold, size: h.size };
    const lineHeight = h.size * 1.3;
    const lines = wrapText(text, this.flow.width, m);
    // Keep the heading with at least three lines of what follows it.
    const needed = h.before + lines.length * lineHeight + h.after + 3 * BODY_SIZE * 1.4;
    this.flow.ensure(needed);
    if (this.flow.touched) this.flow.y -= h.before;
    const plain = lines.map((line) => ({ line, justify: false }));
    this.drawLines(plain, m, lineHeight, align, 0, 0);
    this.flow.y -= h.after;
  }

  paragraph(text: string, style: ParagraphStyle = {}): void {
    const size = style.size ?? BODY_SIZE;
    const m: Measure = { font: style.bold ? this.flow.fonts.bold : this.flow.fonts.regular, size };
    const indent = style.indentFirstLine ?? 0;
    const inset = Math.min(style.inset ?? 0, this.flow.width / 2);
    for (const part of text.split('\n')) {
      const wrapped = wrapText(part, this.flow.width - inset, m, indent);
      // Every line but a paragraph's last is stretched when justified.
      const lines = wrapped.map((line, i) => ({ line, justify: i < wrapped.length - 1 }));
      this.drawLines(lines, m, size * 1.4, style.align ?? 'left', indent, inset);
    }
    this.flow.y -= style.spaceAfter ?? size * 0.6;
  }

  /** Height `paragraph(text, style)` would take, to keep blocks together with `keepTogether`. */
  measureParagraph(text: string, style: ParagraphStyle = {}): number {
    const size = style.size ?? BODY_SIZE;
    const m: Measure = { font: style.bold ? this.flow.fonts.bold : this.flow.fonts.regular, size };
    const width = this.flow.width - Math.min(style.inset ?? 0, this.flow.width / 2);
    const count = text
      .split('\n')
      .reduce((sum, part) => sum + wrapText(part, width, m, style.indentFirstLine ?? 0).length, 0);
    return count * size * 1.4 + (style.spaceAfter ?? size * 0.6);
  }

  /** Starts a new page unless `points` fit on this one (e.g. a last paragraph and the signature). */
  keepTogether(points: number): void {
    this.flow.ensure(Math.min(points, this.flow.fullHeight));
  }

  keyValue(pairs: [string, string][]): void {
    const size = BODY_SIZE - 1;
    const lineHeight = size * 1.35;
    const labelWidth = this.flow.width * 0.35;
    const gap = 8;
    const label: Measure = { font: this.flow.fonts.bold, size };
    const value: Measure = { font: this.flow.fonts.regular, size };
    for (const [key, val] of pairs) {
      const keyLines = wrapText(key, labelWidth - gap, label);
      const valLines = wrapText(val, this.flow.width - labelWidth, value);
      const height = Math.max(keyLines.length, valLines.length) * lineHeight;
      this.flow.ensure(Math.min(height, this.flow.fullHeight));
      const top = this.flow.y;
      keyLines.forEach((line, i) => this.flow.text(line, this.flow.left, top - i * lineHeight, label));
      valLines.forEach((line, i) =>
        this.flow.text(line, this.flow.left + labelWidth, top - i * lineHeight, value),
      );
      this.flow.y = top - height - 2;
    }
    this.flow.y -= 6;
  }

  table(spec: TableSpec): void {
    drawTable(this.flow, spec);
  }

  drawing(height: number, draw: (ctx: DrawingContext) => void): void {
    this.flow.ensure(height);
    const y = this.flow.y - height;
    draw({
      page: this.flow.page,
      x: this.flow.left,
      y,
      width: this.flow.width,
      height,
      fonts: this.flow.fonts,
    });
    this.flow.touched = true;
    this.flow.y = y - 6;
  }

  spacer(points: number): void {
    if (points >= this.flow.room) this.flow.newPage();
    else this.flow.y -= points;
  }

  pageBreak(): void {
    if (this.flow.touched) this.flow.newPage();
  }

  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const m: Measure = { font: this.flow.fonts.regular, size: 8.5 };
    pages.forEach((page, i) => {
      const label = pageLabel(this.options.lang, i + 1, pages.length);
      const x = page.getWidth() - MARGINS.right - textWidth(label, m);
      page.drawText(label, { x, y: MARGINS.bottom / 2, size: m.size, font: m.font });
    });
    return this.doc.save();
  }

  private drawLines(
    lines: { line: string; justify: boolean }[],
    m: Measure,
    lineHeight: number,
    align: ParagraphStyle['align'],
    indent: number,
    blockInset: number,
  ): void {
    lines.forEach(({ line, justify }, i) => {
      // A paragraph's first two lines are kept together (no single orphan line at a page foot).
      this.flow.ensure(i === 0 && lines.length > 1 ? 2 * lineHeight : lineHeight);
      const inset = blockInset + (i === 0 ? indent : 0);
      const width = this.flow.width - inset;
      const x = this.flow.left + inset;
      const top = this.flow.y;
      const w = textWidth(line, m);
      if (align === 'justify' && justify && line.includes(' ')) {
        this.drawJustified(line, x, top, width, m);
      } else {
        const dx = align === 'right' ? width - w : align === 'center' ? (width - w) / 2 : 0;
        this.flow.text(line, x + dx, top, m);
      }
      this.flow.y = top - lineHeight;
    });
  }

  private drawJustified(line: string, x: number, top: number, width: number, m: Measure): void {
    const words = line.split(' ');
    const used = words.reduce((sum, word) => sum + textWidth(word, m), 0);
    const gap = (width - used) / (words.length - 1);
    let cursor = x;
    for (const word of words) {
      this.flow.text(word, cursor, top, m);
      cursor += textWidth(word, m) + gap;
    }
  }
}
