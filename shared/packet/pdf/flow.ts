/**
 * The page cursor shared by the kit's blocks: which page we are on, how much room is left, and
 * a new page when a block does not fit. Coordinates are PDF points from the bottom-left corner.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Measure } from './wrap';

const MM = 72 / 25.4;
const A4_PORTRAIT: [number, number] = [595.28, 841.89];

/**
 * Kazakhstani office paperwork leaves 30 mm on the left for binding, 10–15 mm on the right and
 * 20 mm top and bottom; the bottom is a little deeper so the page number sits clear of the text.
 */
export const MARGINS = { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 22 * MM };

export const TEXT_COLOR = rgb(0, 0, 0);

export interface FontPair {
  regular: PDFFont;
  bold: PDFFont;
}

export class PageFlow {
  page: PDFPage;
  /** Top of the free space on the current page. */
  y = 0;
  /** False until something is drawn, so a page break on an empty page adds no blank page. */
  touched = false;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly left = MARGINS.left;
  readonly bottom = MARGINS.bottom;
  readonly width: number;
  /** Called after each new page, e.g. to repeat a table's header row. */
  onNewPage: (() => void) | null = null;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: FontPair,
    landscape: boolean,
  ) {
    const [w, h] = A4_PORTRAIT;
    this.pageWidth = landscape ? h : w;
    this.pageHeight = landscape ? w : h;
    this.width = this.pageWidth - MARGINS.left - MARGINS.right;
    this.page = this.addPage();
  }

  get top(): number {
    return this.pageHeight - MARGINS.top;
  }

  /** Height available on an empty page. */
  get fullHeight(): number {
    return this.top - this.bottom;
  }

  get room(): number {
    return this.y - this.bottom;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([this.pageWidth, this.pageHeight]);
    this.y = this.pageHeight - MARGINS.top;
    this.touched = false;
    return page;
  }

  newPage(): void {
    this.page = this.addPage();
    this.onNewPage?.();
  }

  /** Starts a new page unless `height` points fit; true when a page was added. */
  ensure(height: number): boolean {
    if (height <= this.room || !this.touched) return false;
    this.newPage();
    return true;
  }

  /** Draws one already-wrapped line with its baseline `size` below `top`. */
  text(line: string, x: number, top: number, m: Measure): void {
    if (line === '') return;
    this.page.drawText(line, { x, y: top - m.size, size: m.size, font: m.font, color: TEXT_COLOR });
    this.touched = true;
  }
}
