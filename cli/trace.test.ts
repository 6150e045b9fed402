/**
 * `moneytrail trace`: the public JSON on the demo case, seeds as a person types them, the same
 * numbers as the engine run directly (the app's Trace tab runs that same function), and clear
 * refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, demoFiles, describeCase } from '../shared/demo';
import { importStatement } from '../shared/import';
import { runTrace } from '../shared/investigate';
import { bankDirectory } from './banks';
import { run, tempDir } from './test-support';

const scenario = buildScenario();
const files = demoFiles(scenario);
const drop1 = scenario.people.get(scenario.drops[0])!;
let tmp: ReturnType<typeof tempDir>;
let casePath = '';

beforeAll(async () => {
  tmp = tempDir();
  casePath = tmp.file('demo.mtcase');
  const paths = files.map((f) => tmp.file(f.name, f.bytes));
  const r = await run(['import', casePath, ...paths, '--title', 'Снежок']);
  expect(r.code).toBe(0);
}, 60_000);
afterAll(() => tmp.cleanup());

describe('moneytrail trace', () => {
  it('--json follows a drop’s phone, typed as a person would, to the organizers’ wallets', async () => {
    const r = await run(['trace', casePath, '--from', '8 702 945 68 70', '--json', '--paths', '2']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(Object.keys(t)).toEqual(
      expect.arrayContaining([
        'seed',
        'method',
        'direction',
        'currency',
        'reached',
        'freezeCandidates',
        'patterns',
      ]),
    );
    expect(t).toMatchObject({ method: 'pro-rata', direction: 'down', currency: 'KZT' });
    expect(t.seed).toEqual([
      expect.objectContaining({ kind: 'iban', value: drop1.iban, input: '8 702 945 68 70' }),
    ]);
    // Everything that entered the drop's account: the shop's takings plus its holder's own income.
    const statement = importStatement(files[0]!.bytes, files[0]!.name, { importedAt: 0 });
    const credits = statement.transactions
      .filter((x) => x.direction === 'in')
      .reduce((n, x) => n + x.amountMinor, 0);
    expect(t.enteredMinor).toBe(credits);
    expect(t.enteredMinor).toBeGreaterThanOrEqual(describeCase(scenario).drops[0]!.salesMinor);
    for (const r of t.reached) {
      expect(r).toEqual(
        expect.objectContaining({
          kind: expect.any(String),
          value: expect.any(String),
          amount: expect.any(Number),
          nativeAmount: expect.any(Number),
          nativeCurrency: expect.any(String),
          hops: expect.any(Number),
          paths: expect.any(Array),
        }),
      );
    }
    const organizers = scenario.wallets.organizers.map((w) =>
      t.reached.find((r: { value: string }) => r.value === w),
    );
    expect(organizers.every((o) => o && o.nativeCurrency === 'USDT' && o.hops === 4)).toBe(true);
    const wallet = t.freezeCandidates.find(
      (c: { value: string }) => c.value === scenario.wallets.organizers[0],
    );
    expect(wallet).toMatchObject({ kind: 'tron', institution: expect.stringContaining('Tether') });
    expect(t.patterns.map((p: { kind: string }) => p.kind)).toEqual(
      expect.arrayContaining(['drop', 'collector']),
    );
    // Every path hop names its statement rows.
    const hop = t.reached[1].paths[0].hops[0];
    expect(hop.evidence[0]).toEqual(
      expect.objectContaining({
        file: expect.any(String),
        sheet: expect.any(String),
        row: expect.any(Number),
      }),
    );
    // Conservation: nothing holds more than entered.
    const held = t.reached.reduce((n: number, r: { heldMinor: number }) => n + r.heldMinor, 0);
    expect(held).toBeLessThanOrEqual(t.enteredMinor);
  });

  it('gives the numbers the engine gives (the Trace tab runs the same function)', async () => {
    const r = await run([
      'trace',
      casePath,
      '--from',
      drop1.card,
      '--method',
      'fifo',
      '--max-hops',
      '3',
      '--json',
      '--paths',
      '0',
    ]);
    const t = JSON.parse(r.out);
    const direct = runTrace(
      { sources: files.map((f) => importStatement(f.bytes, f.name, { importedAt: 0 })) },
      { from: [drop1.card], direction: 'down', method: 'fifo', maxHops: 3, pathsPerNode: 0 },
      bankDirectory(),
    );
    expect(t.reached).toEqual(JSON.parse(JSON.stringify(direct.json.reached)));
    expect(t.parameters.maxHops).toBe(3);
  });

  it('traces upstream from the organizer back to the drops', async () => {
    const r = await run([
      'trace',
      casePath,
      '--from',
      scenario.wallets.organizers[0],
      '--direction',
      'up',
      '--json',
      '--paths',
      '0',
    ]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(t.currency).toBe('USDT');
    const drops = scenario.drops.map((k) => scenario.people.get(k)!.iban);
    expect(drops.every((iban) => t.reached.some((x: { value: string }) => x.value === iban))).toBe(true);
  });

  it('stops where the investigator says the trail ends, and keeps to a period', async () => {
    const all = JSON.parse(
      (await run(['trace', casePath, '--from', drop1.card, '--json', '--paths', '0'])).out,
    );
    const collector = scenario.people.get(scenario.collector)!;
    const stopped = JSON.parse(
      (
        await run([
          'trace',
          casePath,
          '--from',
          drop1.card,
          '--stop-at',
          collector.phone,
          '--json',
          '--paths',
          '0',
        ])
      ).out,
    );
    expect(stopped.reached.find((r: { value: string }) => r.value === collector.iban)?.endPoint).toBe('stop');
    expect(stopped.reached.some((r: { kind: string }) => r.kind === 'tron')).toBe(false);
    expect(all.reached.some((r: { kind: string }) => r.kind === 'tron')).toBe(true);
    const week = JSON.parse(
      (
        await run([
          'trace',
          casePath,
          '--from',
          drop1.card,
          '--until',
          '2024-09-08',
          '--json',
          '--paths',
          '0',
        ])
      ).out,
    );
    expect(week.enteredMinor).toBeLessThan(all.enteredMinor);
    expect((await run(['trace', casePath, '--from', drop1.card, '--since', '8.9.2024'])).code).toBe(2);
  });

  it('names a seed that is not in the case, and exits 1', async () => {
    const r = await run(['trace', casePath, '--from', '+7 701 000 00 00']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('phone:+77010000000 does not appear in any transfer of this case');
  });

  it('refuses a wrong method with usage (exit 2)', async () => {
    const r = await run(['trace', casePath, '--from', drop1.card, '--method', 'average']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--method must be one of pro-rata, fifo, lifo, poisoned');
  });

  it('prints a readable table without --json', async () => {
    const r = await run(['trace', casePath, '--from', drop1.phone]);
    expect(r.out).toContain('Freeze candidates');
    expect(r.out).toContain(drop1.name);
  });
});

describe('moneytrail trace --threshold', () => {
  it('adjusts a pattern threshold, and the findings say which one they used', async () => {
    const dropsWith = async (threshold: string) => {
      const r = await run([
        'trace',
        casePath,
        '--from',
        '8 702 945 68 70',
        '--json',
        '--paths',
        '0',
        '--threshold',
        threshold,
      ]);
      expect(r.code).toBe(0);
      return JSON.parse(r.out).patterns.filter((p: { kind: string }) => p.kind === 'drop');
    };
    expect(await dropsWith('dropMinSenders=1000')).toEqual([]);
    const found = await dropsWith('dropMinSenders=3');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].thresholds.dropMinSenders).toBe(3);
  });

  it('refuses an unknown threshold as a usage error naming it', async () => {
    const r = await run(['trace', casePath, '--from', '8 702 945 68 70', '--threshold', 'dropMinSender=3']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown threshold "dropMinSender"');
  });
});
