/**
 * Ruled tables: wrapped cells, a bold shaded header row repeated at the top of every page the
 * table reaches, and rows kept whole on one page unless a single row is taller than a page.
 */
import { rgb } from 'pdf-lib';
import type { PageFlow } from './flow';
import { textWidth, wrapText, type Measure } from './wrap';

export interface TableColumn {
  title: string;
  /** Fraction of the text width; the fractions of a table sum to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  fontSize?: number;
}

const PAD = 3;
const BORDER = rgb(0.35, 0.35, 0.35);
const HEADER_FILL = rgb(0.9, 0.9, 0.9);

interface Layout {
  xs: number[];
  widths: number[];
  lineHeight: number;
  regular: Measure;
  bold: Measure;
}

function layout(flow: PageFlow, spec: TableSpec): Layout {
  const size = spec.fontSize ?? 9;
  const total = spec.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const widths = spec.columns.map((c) => (flow.width * c.width) / total);
  const xs: number[] = [];
  let x = flow.left;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  return {
    xs,
    widths,
    lineHeight: size * 1.25,
    regular: { font: flow.fonts.regular, size },
    bold: { font: flow.fonts.bold, size },
  };
}

function wrapRow(cells: string[], l: Layout, m: Measure): string[][] {
  return l.widths.map((w, i) => wrapText(cells[i] ?? '', w - 2 * PAD, m));
}

/** Draws `lines[from, to)` of each cell as one band of the row, top at flow.y. */
function drawBand(
  flow: PageFlow,
  spec: TableSpec,
  l: Layout,
  cells: string[][],
  range: [number, number],
  m: Measure,
  fill: boolean,
): void {
  const count = range[1] - range[0];
  const height = count * l.lineHeight + 2 * PAD;
  const top = flow.y;
  cells.forEach((lines, col) => {
    const x = l.xs[col] ?? flow.left;
    const w = l.widths[col] ?? 0;
    flow.page.drawRectangle({
      x,
      y: top - height,
      width: w,
      height,
      borderColor: BORDER,
      borderWidth: 0.5,
      ...(fill ? { color: HEADER_FILL } : {}),
    });
    const align = spec.columns[col]?.align ?? 'left';
    lines.slice(range[0], range[1]).forEach((line, i) => {
      const lw = textWidth(line, m);
      const lx = align === 'right' ? x + w - PAD - lw : align === 'center' ? x + (w - lw) / 2 : x + PAD;
      flow.text(line, lx, top - PAD - i * l.lineHeight, m);
    });
  });
  flow.touched = true;
  flow.y = top - height;
}

export function drawTable(flow: PageFlow, spec: TableSpec): void {
  const l = layout(flow, spec);
  const header = wrapRow(
    spec.columns.map((c) => c.title),
    l,
    l.bold,
  );
  const headerLines = Math.max(...header.map((c) => c.length));
  const headerHeight = headerLines * l.lineHeight + 2 * PAD;
  const drawHeader = (): void => drawBand(flow, spec, l, header, [0, headerLines], l.bold, true);

  const rows = spec.rows.map((r) => wrapRow(r, l, l.regular));
  const firstRow = rows[0] ? Math.max(...rows[0].map((c) => c.length)) : 0;
  // Header and at least the first row (or two lines of it) start together.
  flow.ensure(headerHeight + Math.min(firstRow, 2) * l.lineHeight + 2 * PAD);
  drawHeader();
  const previous = flow.onNewPage;
  flow.onNewPage = drawHeader;
  try {
    for (const cells of rows) {
      const total = Math.max(1, ...cells.map((c) => c.length));
      let from = 0;
      let freshPage = false;
      while (from < total) {
        const left = total - from;
        const fits = Math.floor((flow.room - 2 * PAD) / l.lineHeight);
        if (left <= fits) {
          drawBand(flow, spec, l, cells, [from, total], l.regular, false);
          break;
        }
        const onFresh = Math.floor((flow.fullHeight - headerHeight - 2 * PAD) / l.lineHeight);
        if (!freshPage && (left <= onFresh || fits < 2)) {
          flow.newPage();
          freshPage = true;
          continue;
        }
        // A row taller than a page: fill this page, go on under the repeated header.
        const take = Math.max(1, fits);
        drawBand(flow, spec, l, cells, [from, from + take], l.regular, false);
        from += take;
        flow.newPage();
        freshPage = true;
      }
    }
  } finally {
    flow.onNewPage = previous;
  }
  flow.y -= 6;
}
