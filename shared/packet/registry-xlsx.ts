/**
 * The XLSX asset registry: one row per asset, Russian and Kazakh captions, sized columns, an
 * autofilter, and the caption rows repeated on printed pages. SheetJS community edition writes
 * neither cell styles (so the header is not bold) nor frozen panes, so the pane is patched into
 * the sheet XML and the ZIP rewritten with a fixed time (same inputs, same bytes).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { fixZipTimes } from './zip-time';
import * as XLSX from 'xlsx';
import { FIXED_ZIP_TIME } from './zip';
import { currencyMinorDigits } from '../model/currency';
import { letterIdentifier } from './letters/letter-model';
import type { FreezeEntry } from './types';
import { KIND_WORDS, STATUS_WORDS } from './words';

export const REGISTRY_HEADER: { ru: string; kk: string; width: number }[] = [
  { ru: '№', kk: '№', width: 5 },
  { ru: 'Вид актива', kk: 'Актив түрі', width: 16 },
  { ru: 'Идентификатор', kk: 'Сәйкестендіргіш', width: 34 },
  { ru: 'Владелец', kk: 'Иесі', width: 28 },
  { ru: 'Организация', kk: 'Ұйым', width: 24 },
  { ru: 'Сумма', kk: 'Сома', width: 16 },
  { ru: 'Валюта', kk: 'Валюта', width: 8 },
  { ru: 'Статус', kk: 'Мәртебесі', width: 14 },
  { ru: 'Основание (источник)', kk: 'Негіздеме (дереккөз)', width: 48 },
];

function evidenceRef(e: FreezeEntry): string {
  return e.evidence.map((r) => `${r.file}, ${r.sheet}, стр. ${r.row}`).join('; ');
}

/** Builds registry.xlsx; `lang` picks the caption row order (both languages are always shown). */
export function buildRegistryXlsx(entries: FreezeEntry[], lang: 'ru' | 'kk' = 'ru'): Uint8Array {
  const other = lang === 'ru' ? 'kk' : 'ru';
  const rows: (string | number)[][] = [
    REGISTRY_HEADER.map((h) => h[lang]),
    REGISTRY_HEADER.map((h) => h[other]),
    ...entries.map((e, i) => [
      i + 1,
      KIND_WORDS[lang][e.kind],
      letterIdentifier(e),
      e.holderId ? `${e.holder}, ${e.holderId}` : e.holder,
      e.institution,
      // In major units of the asset's own currency: tenge with 2 decimals, USDT with 6.
      e.amountMinor / 10 ** currencyMinorDigits(e.currency),
      e.currency,
      STATUS_WORDS[lang][e.status],
      evidenceRef(e),
    ]),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!cols'] = REGISTRY_HEADER.map((h) => ({ wch: h.width }));
  for (let r = 2; r < rows.length; r++) {
    const cell = sheet[XLSX.utils.encode_cell({ r, c: 5 })] as XLSX.CellObject | undefined;
    const digits = currencyMinorDigits(entries[r - 2]?.currency ?? 'KZT');
    if (cell) cell.z = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  }
  sheet['!autofilter'] = {
    ref: XLSX.utils.encode_range({ s: { r: 1, c: 0 }, e: { r: rows.length - 1, c: 8 } }),
  };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Реестр');
  // Frozen header (two caption rows) and the same rows repeated on every printed page.
  book.Workbook = {
    Views: [{ RTL: false }],
    Names: [{ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: "'Реестр'!$1:$2" }],
  };
  const out = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return freezeCaptionsAndFixTimes(new Uint8Array(out));
}

const SHEET_XML = 'xl/worksheets/sheet1.xml';
const FROZEN_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView>';

function freezeCaptionsAndFixTimes(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const sheetXml = files[SHEET_XML];
  if (sheetXml) files[SHEET_XML] = strToU8(strFromU8(sheetXml).replace(/<sheetView [^>]*\/>/, FROZEN_VIEW));
  const entries: Zippable = {};
  for (const [path, bytes] of Object.entries(files)) entries[path] = [bytes, { mtime: FIXED_ZIP_TIME }];
  return fixZipTimes(zipSync(entries));
}
