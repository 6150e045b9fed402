/**
 * The trace report: the document a bank, an exchange or a court reads to see why the money in
 * an asset is the victims' money. Landscape A4, because the path tables need room for date,
 * both parties, the amount and the statement row side by side. Order: who and what was traced
 * and how (with the method in plain words), where the money went, the picture, then each asset
 * with the paths that brought money to it down to file, sheet and row.
 */
import { formatDate, formatDateTime, formatMoney } from '../../format/money';
import { PdfWriter } from '../pdf/kit';
import type { EvidenceRow, PacketFonts, PacketLang } from '../types';
import { CAPTIONS, type ReportCaptions } from './captions';
import { drawFlowPicture } from './flow-drawing';
import type { ReportAsset, ReportPlace, TraceReportInput } from './model';

export interface TraceReportPdfOptions {
  lang: PacketLang;
  fonts: PacketFonts;
  createdAt: Date;
}

/** Identifiers never break across lines: a split IBAN reads as two accounts. */
const nb = (text: string) => text.replace(/ /g, '\u00a0');

/** A CSV's "sheet" is its file name again; saying it twice only makes the cell longer. */
function sourceText(e: EvidenceRow, c: ReportCaptions): string {
  const sheet = e.sheet && e.sheet !== e.file ? `, ${e.sheet}` : '';
  return `${e.file}${sheet}, ${c.row}\u00a0${e.row}`;
}

function placeText(p: ReportPlace, withHolder = true): string {
  return [nb(p.identifier), withHolder ? p.holder : ''].filter((s) => s !== '').join('\n');
}

export async function buildTraceReportPdf(
  input: TraceReportInput,
  options: TraceReportPdfOptions,
): Promise<Uint8Array> {
  const c = CAPTIONS[options.lang];
  const lang = options.lang;
  const money = (minor: number, currency = input.currency) => formatMoney(minor, currency, lang);
  const pdf = await PdfWriter.create({
    fonts: options.fonts,
    title: `${c.title} — ${input.case.registryNumber}`,
    lang,
    createdAt: options.createdAt,
    landscape: true,
  });

  pdf.heading(c.title, 1);
  pdf.keyValue([
    [c.case, input.case.title],
    [c.registry, input.case.registryNumber],
    [
      c.investigator,
      [input.case.investigator, input.case.position, input.case.organisation].filter(Boolean).join(', '),
    ],
    [c.created, formatDate(options.createdAt.getTime(), lang)],
    [c.engine, input.engine],
  ]);

  pdf.heading(c.params, 2);
  const p = input.parameters;
  const places = (list: ReportPlace[]) =>
    list.length ? list.map((x) => nb(x.identifier)).join(', ') : c.none;
  const period =
    p.since === undefined && p.until === undefined
      ? c.periodAll
      : `${p.since !== undefined ? formatDateTime(p.since, lang) : '…'} — ${p.until !== undefined ? formatDateTime(p.until, lang) : '…'}`;
  pdf.keyValue([
    ...input.seeds.map((s): [string, string] => [
      c.seed,
      `«${s.typed}» — ${c.resolvedAs} ${s.resolved.map((r) => [nb(r.identifier), r.holder, r.institution].filter(Boolean).join(', ')).join('; ')}`,
    ]),
    [c.direction, c.directions[input.direction]],
    [c.method, c.methods[input.method]],
    [c.maxHops, String(p.maxHops)],
    [c.minAmount, money(p.minAmountMinor)],
    [c.period, period],
    [c.stopAt, places(p.stopAt)],
    [c.continueThrough, places(p.continueThrough)],
  ]);
  pdf.paragraph(c.methodText[input.method], { align: 'justify', indentFirstLine: 20 });
  if (input.totals.note) pdf.paragraph(input.totals.note, { size: 9 });

  pdf.heading(c.totals, 2);
  const t = input.totals;
  pdf.keyValue([
    [c.entered, money(t.enteredMinor)],
    [c.held, money(t.heldMinor)],
    [c.ended, money(t.endedMinor)],
    [c.dropped, `${money(t.droppedMinor)} (${t.droppedTransfers})`],
    [c.transfers, String(t.trailTransfers)],
  ]);

  pdf.pageBreak();
  pdf.heading(c.ranked, 2);
  pdf.paragraph(c.rankedNote(input.ranked.length, input.reachedPlaces), { size: 9 });
  pdf.table({
    fontSize: 7,
    columns: [
      { title: c.cols.rank, width: 0.03, align: 'right' },
      { title: c.cols.place, width: 0.24 },
      { title: c.cols.holder, width: 0.16 },
      { title: c.cols.institution, width: 0.14 },
      { title: `${c.cols.amount}, ${input.currency}`, width: 0.12, align: 'right' },
      { title: c.cols.native, width: 0.14, align: 'right' },
      { title: c.cols.hops, width: 0.05, align: 'right' },
      { title: c.cols.held, width: 0.12, align: 'right' },
    ],
    rows: input.ranked.map((r) => [
      String(r.rank),
      nb(r.place.identifier) + (r.endPoint ? `\n(${c.endPoint[r.endPoint] ?? r.endPoint})` : ''),
      r.place.holder,
      r.place.institution,
      money(r.amountMinor),
      money(r.nativeMinor, r.nativeCurrency),
      String(r.hops),
      money(r.heldMinor),
    ]),
  });

  if (input.flow.boxes.length > 0) {
    pdf.pageBreak();
    pdf.heading(c.picture, 2);
    pdf.paragraph(c.pictureNote(input.currency), { size: 9 });
    pdf.drawing(390, (ctx) => drawFlowPicture(ctx, input.flow, { money: (m) => money(m), others: c.others }));
  }

  pdf.pageBreak();
  pdf.heading(c.assets, 2);
  input.assets.forEach((asset, i) => assetSection(pdf, asset, i + 1, c, lang, money, input.currency));
  return pdf.save();
}

function assetSection(
  pdf: PdfWriter,
  a: ReportAsset,
  n: number,
  c: ReportCaptions,
  lang: PacketLang,
  money: (minor: number, currency?: string) => string,
  seedCurrency: string,
): void {
  // One asset per page: each bank reads its own section, and a table never starts at a page foot.
  if (n > 1) pdf.pageBreak();
  pdf.heading(`${c.asset} ${n}: ${nb(a.place.identifier)}`, 3);
  // A one-row table rather than label/value lines: a table row is never split across pages.
  pdf.table({
    fontSize: 8,
    columns: [
      { title: c.cols.holder, width: 0.2 },
      { title: c.cols.institution, width: 0.2 },
      { title: c.freezeAmount, width: 0.16, align: 'right' },
      { title: c.traced, width: 0.16, align: 'right' },
      { title: c.stillHeld, width: 0.16, align: 'right' },
      { title: c.hopsAway, width: 0.12, align: 'right' },
    ],
    rows: [
      [
        a.place.holder || '—',
        a.place.institution || '—',
        a.freeze ? money(a.freeze.amountMinor, a.freeze.currency) : '—',
        money(a.amountMinor),
        money(a.heldMinor),
        String(a.hops),
      ],
    ],
  });
  if (!a.reached) {
    pdf.paragraph(c.notReached);
    return;
  }
  const rows = a.paths.flatMap((path, k) =>
    path.hops.map((h, j) => [
      // The path number on every hop, so a path carried over to the next page stays named.
      j === 0
        ? `${k + 1}\n${money(path.amountMinor)}${path.kind === 'entry' ? `\n(${c.entryPath})` : ''}`
        : `${k + 1}`,
      String(j + 1),
      formatDateTime(h.at, lang),
      placeText(h.from),
      placeText(h.to),
      money(h.amountMinor) +
        (h.nativeCurrency !== seedCurrency ? `\n${money(h.nativeMinor, h.nativeCurrency)}` : ''),
      h.evidence.map((e) => sourceText(e, c)).join('\n'),
    ]),
  );
  pdf.table({
    fontSize: 7,
    columns: [
      { title: c.cols.path, width: 0.08 },
      { title: c.cols.step, width: 0.035, align: 'right' },
      { title: c.cols.at, width: 0.075 },
      { title: c.cols.from, width: 0.24 },
      { title: c.cols.to, width: 0.24 },
      { title: c.cols.carried, width: 0.1, align: 'right' },
      { title: c.cols.source, width: 0.23 },
    ],
    rows,
  });
  if (a.morePaths > 0) {
    const count = a.morePathsAtLeast ? c.moreThan(a.morePaths) : String(a.morePaths);
    pdf.paragraph(c.more(count, money(a.moreMinor)), { size: 8.5 });
  }
  pdf.spacer(8);
}
