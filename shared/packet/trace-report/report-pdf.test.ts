import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDejaVu, pdfPages, renderPages, TEST_OUTPUT } from '../pdf/poppler.test-support';
import { CASE, demoTrace } from './demo.test-support';
import { traceClaims, traceReportInput, type TraceReportInput } from './input';
import { buildTraceReportPdf } from './report-pdf';

const OUT = join(TEST_OUTPUT, '..', 'trace-report');
const createdAt = new Date(Date.UTC(2026, 10, 25, 6, 0));
let demo: ReturnType<typeof demoTrace>;
let ru: Uint8Array;
let kk: Uint8Array;

/** pdftotext keeps no-break spaces; a reader searching the text types ordinary ones. */
const plain = (pages: string[]) => pages.join('\n').replace(/\u00a0/g, ' ');

beforeAll(async () => {
  demo = demoTrace();
  const fonts = loadDejaVu();
  ru = await buildTraceReportPdf(demo.input, { lang: 'ru', fonts, createdAt });
  kk = await buildTraceReportPdf(demo.input, { lang: 'kk', fonts, createdAt });
}, 60_000);

describe('trace report input', () => {
  it('is plain data that survives JSON, with the paths to every asset', () => {
    const input = demo.input;
    expect(JSON.parse(JSON.stringify(input)) as TraceReportInput).toEqual(input);
    expect(input.seeds[0]).toMatchObject({ typed: '8 702 945 68 70' });
    expect(input.assets).toHaveLength(3);
    for (const a of input.assets) {
      expect(a.reached).toBe(true);
      expect(a.paths.length).toBeGreaterThan(0);
      expect(a.paths.length).toBeLessThanOrEqual(5);
      expect(a.morePaths).toBeGreaterThan(0);
      for (const path of a.paths) for (const hop of path.hops) expect(hop.evidence.length).toBeGreaterThan(0);
    }
    // The listed paths and the rest add up to what reached the asset.
    const wallet = input.assets[1]!;
    expect(wallet.paths.reduce((n, p) => n + p.amountMinor, 0) + wallet.moreMinor).toBe(wallet.amountMinor);
    expect(input.flow.boxes.filter((b) => b.asset)).toHaveLength(3);
    expect(traceClaims(input)[1]!.rows.length).toBeGreaterThanOrEqual(4);
  });
});

describe('trace report input for an asset the money never reached', () => {
  it('says so instead of inventing paths, and the report still builds', async () => {
    const drop2 = demo.scenario.people.get(demo.scenario.drops[1])!;
    const node = demo.answer.ledger.nodeByKey.get(`iban:${drop2.iban}`)!;
    const input = traceReportInput(
      demo.answer,
      { from: ['8 702 945 68 70'], direction: 'down', method: 'pro-rata' },
      [{ node }],
      {
        case: CASE,
        engine: 'test',
      },
    );
    expect(input.assets[0]).toMatchObject({ reached: false, paths: [], amountMinor: 0, morePaths: 0 });
    const pdf = await buildTraceReportPdf(input, { lang: 'ru', fonts: loadDejaVu(), createdAt });
    expect(plain(pdfPages(pdf))).toContain('до этого актива не дошли');
  });
});

describe('buildTraceReportPdf', () => {
  it('names the seed, the method, every asset and the statement rows', () => {
    const text = plain(pdfPages(ru));
    expect(pdfPages(ru).length).toBeGreaterThan(1);
    expect(text).toContain('8 702 945 68 70');
    expect(text).toContain(demo.input.seeds[0]!.resolved[0]!.identifier);
    expect(text).toContain('пропорциональный (pro-rata)');
    expect(text).toContain('долю денег источника');
    for (const a of demo.input.assets) expect(text).toContain(a.place.identifier);
    const hop = demo.input.assets[0]!.paths[0]!.hops[0]!;
    const row = hop.evidence[0]!;
    expect(text).toContain(row.file);
    expect(text).toMatch(new RegExp(`стр\\. ${row.row}\\b`));
    expect(text).toContain(demo.input.case.registryNumber);
  });

  it('speaks Kazakh when asked', () => {
    const text = plain(pdfPages(kk));
    expect(text).toContain('Ақша қаражатын трассировкалау туралы есеп');
    expect(text).toContain('пропорционалды (pro-rata)');
    expect(text).toMatch(/бет, барлығы/);
  });

  it('is the same bytes for the same input', async () => {
    const again = await buildTraceReportPdf(demo.input, { lang: 'ru', fonts: loadDejaVu(), createdAt });
    expect(again).toEqual(ru);
  });

  it('renders every page (PNGs under test-output/trace-report for a person to look at)', () => {
    const ruPages = renderPages(ru, join(OUT, 'ru'));
    const kkPages = renderPages(kk, join(OUT, 'kk'));
    expect(ruPages.length).toBe(pdfPages(ru).length);
    expect(kkPages.length).toBe(pdfPages(kk).length);
  });
});
