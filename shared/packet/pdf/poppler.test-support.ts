/**
 * Test-only bridge to poppler-utils: what a real PDF reader extracts and renders is the proof
 * that fonts, ToUnicode maps and layout work, not pdf-lib's own view of the document.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Where tests leave rendered pages for a person to look at (git-ignored). */
export const TEST_OUTPUT = resolve(ROOT, 'test-output/pdf');

export function loadDejaVu(): { regular: Uint8Array; bold: Uint8Array } {
  const dir = resolve(ROOT, 'node_modules/dejavu-fonts-ttf/ttf');
  return {
    regular: new Uint8Array(readFileSync(join(dir, 'DejaVuSans.ttf'))),
    bold: new Uint8Array(readFileSync(join(dir, 'DejaVuSans-Bold.ttf'))),
  };
}

function withTempPdf<T>(pdf: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'moneytrail-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders every page at 60 dpi into `outDir` (cleared of older pages); returns the PNG paths. */
export function renderPages(pdf: Uint8Array, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  for (const old of readdirSync(outDir)) if (/^page-\d+\.png$/.test(old)) rmSync(join(outDir, old));
  withTempPdf(pdf, (file) => execFileSync('pdftoppm', ['-r', '60', '-png', file, join(outDir, 'page')]));
  return readdirSync(outDir)
    .filter((name) => /^page-\d+\.png$/.test(name))
    .sort()
    .map((name) => join(outDir, name));
}

/** The text poppler extracts, laid out as on the page. */
export function pdfText(pdf: Uint8Array): string {
  return withTempPdf(pdf, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

/** `pdffonts` output: one line per font with its type, encoding and emb/sub/uni flags. */
export function pdfFonts(pdf: Uint8Array): string {
  return withTempPdf(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
}

/** Text of each page separately (pdftotext splits pages with form feeds). */
export function pdfPages(pdf: Uint8Array): string[] {
  return pdfText(pdf).split('\f').slice(0, -1);
}
