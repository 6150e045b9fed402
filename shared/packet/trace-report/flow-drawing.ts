/**
 * The flow picture drawn into the PDF with pdf-lib primitives: one column per hop, a box per
 * place with its height proportional to the money (a floor keeps small places readable), and
 * bands as filled Bézier ribbons whose width is proportional to the money they carry. The
 * scale is the largest at which every column fits, so heights are comparable across columns.
 */
import { rgb, type Color, type PDFFont } from 'pdf-lib';
import type { DrawingContext } from '../pdf/kit';
import type { ReportFlowBox, TraceReportInput } from './model';
import { textWidth } from '../pdf/wrap';

/** Where the picture goes: the box the PDF kit reserves for a drawing. */
export type FlowArea = DrawingContext;

export interface FlowText {
  money: (minor: number) => string;
  others: (n: number) => string;
}

/** The app's colours per kind (renderer/app/entity-kinds.ts), so a wallet looks the same on paper. */
const KIND_COLOR: Record<string, string> = {
  card: '#2d72d2',
  card_masked: '#7961db',
  iban: '#238551',
  phone: '#c87619',
  tron: '#cd4246',
  btc: '#d1980b',
  eth: '#634dbf',
  iin: '#5f6b7c',
  bin: '#1c6e8c',
  exchange: '#0d8050',
  name: '#5f6b7c',
  cash: '#8f398f',
};

function hex(color: string): Color {
  const n = parseInt(color.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

const FONT = 6.5;
const LINE = FONT * 1.25;
/** Three lines of label: identifier, holder, amount. */
const MIN_BOX = 3 * LINE + 6;
const GAP = 10;
const ASSET = rgb(0.08, 0.08, 0.08);

interface Placed {
  box: ReportFlowBox;
  x: number;
  /** Top, measured down from the area's top (SVG-like), and height. */
  top: number;
  h: number;
  outUsed: number;
  inUsed: number;
}

/** Points per minor unit at which the column's boxes (with the floor) fill exactly `room`. */
function columnScale(amounts: number[], room: number): number {
  let lo = 0;
  let hi = room / Math.max(1, Math.max(...amounts));
  const used = (s: number) => amounts.reduce((n, a) => n + Math.max(MIN_BOX, a * s), 0);
  if (used(hi) <= room) return hi;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (used(mid) <= room) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Cuts the middle out of a label that does not fit, keeping both ends (as identifiers are read). */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (textWidth(text, { font, size }) <= width) return text;
  let keep = text.length;
  while (keep > 4) {
    keep -= 1;
    const head = Math.ceil(keep / 2);
    const candidate = `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
    if (textWidth(candidate, { font, size }) <= width) return candidate;
  }
  return text.slice(0, 4) + '…';
}

export function drawFlowPicture(area: FlowArea, flow: TraceReportInput['flow'], text: FlowText): void {
  const hops = [...new Set(flow.boxes.map((b) => b.hop))].sort((a, b) => a - b);
  if (hops.length === 0) return;
  const pitch = area.width / hops.length;
  const boxW = Math.min(150, pitch - 26);
  const columns = hops.map((hop) => flow.boxes.filter((b) => b.hop === hop));
  const scale = Math.min(
    ...columns.map((c) =>
      columnScale(
        c.map((b) => b.amountMinor),
        area.height - GAP * (c.length - 1),
      ),
    ),
  );
  const placed = new Map<number, Placed>();
  columns.forEach((column, i) => {
    const heights = column.map((b) => Math.max(MIN_BOX, b.amountMinor * scale));
    const total = heights.reduce((n, h) => n + h, 0) + GAP * (column.length - 1);
    // Columns are centred vertically, so a lone seed box sits level with the money it sends.
    let top = (area.height - total) / 2;
    column.forEach((box, k) => {
      const h = heights[k] as number;
      placed.set(box.id, { box, x: i * pitch + (pitch - boxW) / 2, top, h, outUsed: 0, inUsed: 0 });
      top += h + GAP;
    });
  });

  const { page } = area;
  const originTop = area.y + area.height;
  // Bands first, so boxes and their labels sit on top of them.
  const bands = [...flow.bands].sort(
    (a, b) =>
      (placed.get(a.from)?.top ?? 0) - (placed.get(b.from)?.top ?? 0) ||
      (placed.get(a.to)?.top ?? 0) - (placed.get(b.to)?.top ?? 0),
  );
  for (const band of bands) {
    const from = placed.get(band.from);
    const to = placed.get(band.to);
    if (!from || !to) continue;
    const t = Math.max(0.8, Math.min(band.amountMinor * scale, from.h - from.outUsed, to.h - to.inUsed));
    const x0 = from.x + boxW;
    const y0 = from.top + from.outUsed;
    const x1 = to.x;
    const y1 = to.top + to.inUsed;
    from.outUsed += t;
    to.inUsed += t;
    const mx = (x0 + x1) / 2;
    const path =
      `M ${x0} ${y0} C ${mx} ${y0} ${mx} ${y1} ${x1} ${y1} ` +
      `L ${x1} ${y1 + t} C ${mx} ${y1 + t} ${mx} ${y0 + t} ${x0} ${y0 + t} Z`;
    const color = hex(KIND_COLOR[to.box.kind] ?? '#8f99a8');
    page.drawSvgPath(path, { x: area.x, y: originTop, color, opacity: 0.28, borderWidth: 0 });
  }

  for (const p of placed.values()) {
    const { box } = p;
    const color = hex(KIND_COLOR[box.kind] ?? '#8f99a8');
    const x = area.x + p.x;
    const y = originTop - p.top - p.h;
    page.drawRectangle({ x, y, width: boxW, height: p.h, color: rgb(1, 1, 1), opacity: 1 });
    page.drawRectangle({
      x,
      y,
      width: boxW,
      height: p.h,
      color,
      opacity: 0.16,
      borderColor: box.asset ? ASSET : color,
      borderWidth: box.asset ? 2.2 : 0.7,
    });
    // A strip of the kind's colour on the left edge: the kind at a glance, as in the app.
    page.drawRectangle({ x, y, width: 3, height: p.h, color });
    const inner = boxW - 9;
    const label = box.kind === 'others' ? text.others(box.others ?? 0) : box.label;
    // A wallet address or a long name does not fit one line; a box tall enough shows it on two.
    let spare = Math.floor((p.h - 6) / LINE) - 3;
    const split = (line: string, font: PDFFont, atSpace: boolean): string[] => {
      if (spare <= 0 || textWidth(line, { font, size: FONT }) <= inner) return [line];
      spare -= 1;
      const mid = Math.ceil(line.length / 2);
      const space = atSpace ? line.lastIndexOf(' ', mid + 4) : -1;
      const at = space > 0 ? space : mid;
      return [line.slice(0, at), line.slice(at).trimStart()];
    };
    const head = split(label, area.fonts.bold, false);
    const holder = box.holder ? split(box.holder, area.fonts.regular, true) : [];
    const lines = [...head, ...holder, text.money(box.amountMinor)];
    lines.forEach((line, i) => {
      const font = i < head.length ? area.fonts.bold : area.fonts.regular;
      page.drawText(fit(line, font, FONT, inner), {
        x: x + 6,
        y: y + p.h - 3 - FONT - i * LINE,
        size: FONT,
        font,
        color: rgb(0.1, 0.1, 0.1),
      });
    });
  }
}
