/**
 * The freeze request as DOCX, for investigators who edit before signing: A4, Times New Roman
 * 14 pt as office paperwork customarily uses, real Word headings and table (header row repeated
 * on each page, rows not split), "Страница N из M" fields in the footer. The docx library stamps
 * the current time into core.xml and the ZIP; both are replaced so the same inputs give the
 * same bytes.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { fixZipTimes } from '../zip-time';
import { FIXED_ZIP_TIME } from '../zip';
import type { Letter } from './letter-model';

const FONT = 'Times New Roman';
/** Half-points, as Word counts them. */
const BODY = 28;
const TABLE = 20;
/** Twips: A4, 30 mm left, 15 mm right, 20 mm top and bottom. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, footer: 567 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FIRST_LINE = 709;

const LANGUAGE = { ru: 'ru-RU', kk: 'kk-KZ' } as const;

const FOOTER_WORDS = {
  ru: ['Страница ', ' из '],
  kk: ['', '-бет, барлығы '],
} as const;

const justified = (text: string): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { after: 120 },
    children: [new TextRun(text)],
  });

const bold = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph =>
  new Paragraph({
    alignment,
    spacing: { before: 120, after: 120 },
    children: [new TextRun({ text, bold: true })],
  });

function cell(text: string, width: number, header: boolean, align?: 'left' | 'right' | 'center'): TableCell {
  const alignment =
    align === 'right'
      ? AlignmentType.RIGHT
      : align === 'center' || header
        ? AlignmentType.CENTER
        : AlignmentType.LEFT;
  return new TableCell({
    width: { size: Math.round(width * TEXT_WIDTH), type: WidthType.DXA },
    ...(header ? { shading: { fill: 'E6E6E6' } } : {}),
    children: [new Paragraph({ alignment, children: [new TextRun({ text, bold: header, size: TABLE })] })],
  });
}

function assetTable(letter: Letter): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: letter.columns.map((c) => cell(c.title, c.width, true)),
  });
  const rows = letter.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: letter.columns.map((c, i) => cell(row[i] ?? '', c.width, false, c.align)),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: letter.columns.map((c) => Math.round(c.width * TEXT_WIDTH)),
    rows: [header, ...rows],
  });
}

/** Text on the left, text flush right on the same line (a right tab at the text edge). */
function leftRight(left: string, right: string, rightBold = false): Paragraph {
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    spacing: { before: 120, after: 120 },
    children: [new TextRun(left), new TextRun({ children: [new Tab(), right], bold: rightBold })],
  });
}

function body(letter: Letter): (Paragraph | Table)[] {
  const signature = letter.signatureLeft.length > 0 ? letter.signatureLeft : [''];
  return [
    ...letter.addressee.map(
      (line) =>
        new Paragraph({
          indent: { left: TEXT_WIDTH / 2 },
          children: [new TextRun({ text: line, bold: true })],
        }),
    ),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    leftRight(letter.place, letter.date),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(letter.title)] }),
    bold(letter.subtitle, AlignmentType.CENTER),
    ...letter.body.map(justified),
    bold(letter.tableIntro, AlignmentType.LEFT),
    assetTable(letter),
    bold(letter.totalLine, AlignmentType.RIGHT),
    bold(letter.requestTitle, AlignmentType.LEFT),
    ...letter.requests.map(justified),
    ...letter.closing.map(justified),
    new Paragraph({ spacing: { after: 480 }, children: [] }),
    ...signature.slice(0, -1).map((line) => new Paragraph({ children: [new TextRun(line)] })),
    leftRight(signature.at(-1) ?? '', `_______________  ${letter.signatureRight}`, true),
  ];
}

export async function letterDocx(letter: Letter, date: Date): Promise<Uint8Array> {
  const [before, between] = FOOTER_WORDS[letter.lang];
  const doc = new Document({
    creator: 'MoneyTrail',
    lastModifiedBy: 'MoneyTrail',
    title: letter.documentTitle,
    styles: {
      default: {
        // The language lets Word spell-check the letter in Russian or Kazakh.
        document: { run: { font: FONT, size: BODY, language: { value: LANGUAGE[letter.lang] } } },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 60 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    size: 18,
                    children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body(letter),
      },
    ],
  });
  const packed = new Uint8Array(await Packer.toArrayBuffer(doc));
  return fixTimes(packed, date);
}

/** Core properties dated by the letter, and a ZIP with fixed entry times in a fixed order. */
function fixTimes(docx: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(docx);
  const stamp = `${date.toISOString().slice(0, 19)}Z`;
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
      ),
    );
  }
  // [Content_Types].xml first, as Word writes it; the rest sorted.
  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b),
  );
  const entries: Zippable = {};
  for (const name of names) entries[name] = [files[name] as Uint8Array, { mtime: FIXED_ZIP_TIME, level: 6 }];
  return fixZipTimes(zipSync(entries));
}
