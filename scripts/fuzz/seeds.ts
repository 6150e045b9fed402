/**
 * Valid statement files of every kind the importer reads, the starting points of the mutations:
 * the demo case's XLSX and CSV files, the real MT940 and CAMT.053 fixtures, and the rest
 * (XLS BIFF8, CSV in other encodings) converted from them in code.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';

export const KINDS = [
  'xlsx',
  'xls',
  'csv-utf8',
  'csv-cp1251',
  'csv-utf16',
  'mt940',
  'camt053',
  'exchange',
  'chain',
] as const;
export type Kind = (typeof KINDS)[number];

export interface SeedFile {
  kind: Kind;
  name: string;
  bytes: Uint8Array;
}

const DEMO = 'resources/demo';
const MT940_DIR = 'shared/import/mt940/fixtures/peer';
const CAMT_DIR = 'shared/import/camt053/fixtures';

function demo(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DEMO, name)));
}

function toBiff8(xlsx: Uint8Array): Uint8Array {
  const book = XLSX.read(xlsx, { type: 'array' });
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
}

export function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const body = bom ? `\uFEFF${text}` : text;
  const out = new Uint8Array(body.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < body.length; i++) view.setUint16(i * 2, body.charCodeAt(i), littleEndian);
  return out;
}

export function loadSeeds(): Map<Kind, SeedFile[]> {
  const seeds = new Map<Kind, SeedFile[]>();
  const add = (kind: Kind, name: string, bytes: Uint8Array): void => {
    const list = seeds.get(kind) ?? [];
    list.push({ kind, name, bytes });
    seeds.set(kind, list);
  };
  add('xlsx', 'kaspi-nurlanova.xlsx', demo('01-kaspi-nurlanova.xlsx'));
  add('xlsx', 'halyk-kasymov.xlsx', demo('04-halyk-kasymov.xlsx'));
  add('xls', 'kaspi-seytkali.xls', toBiff8(demo('02-kaspi-seytkali.xlsx')));
  add('xls', 'halyk-kasymov.xls', toBiff8(demo('04-halyk-kasymov.xlsx')));

  const cp1251 = demo('03-freedom-zhumabaeva.csv');
  const text = new TextDecoder('windows-1251').decode(cp1251);
  add('csv-cp1251', 'freedom-zhumabaeva.csv', cp1251);
  add('csv-utf8', 'freedom-zhumabaeva.utf8.csv', new TextEncoder().encode(text));
  add('csv-utf8', 'freedom-zhumabaeva.utf8-bom.csv', new TextEncoder().encode(`\uFEFF${text}`));
  add('csv-utf16', 'freedom-zhumabaeva.utf16le.csv', utf16(text, true));
  add('csv-utf16', 'freedom-zhumabaeva.utf16be.csv', utf16(text, false));
  add('csv-utf16', 'freedom-zhumabaeva.utf16le-nobom.csv', utf16(text, true, false));

  add('exchange', 'binance-p2p-orders.csv', demo('05-binance-p2p-orders.csv'));
  add('exchange', 'binance-withdrawal-history.csv', demo('06-binance-withdrawal-history.csv'));
  add(
    'chain',
    'tronscan-usdt-trc20.csv',
    demo('07-tronscan-usdt-trc20-TAo1a7ee3w7GN6mXp2D9BbTPXKkaZ32qEG.csv'),
  );

  for (const bank of readdirSync(MT940_DIR).sort()) {
    if (!statSync(join(MT940_DIR, bank)).isDirectory()) continue;
    for (const file of readdirSync(join(MT940_DIR, bank)).sort()) {
      if (/\.(sta|txt|940)$/i.test(file))
        add('mt940', `${bank}-${file}`, new Uint8Array(readFileSync(join(MT940_DIR, bank, file))));
    }
  }
  for (const file of readdirSync(CAMT_DIR).sort()) {
    if (file.endsWith('.valid.xml')) add('camt053', file, new Uint8Array(readFileSync(join(CAMT_DIR, file))));
  }
  return seeds;
}
