import { importStatement } from '../import';
import { describe, expect, it } from 'vitest';
import {
  extractIdentifiers,
  parseCard,
  parseIban,
  parseIinBin,
  parsePhone,
  parseTron,
  resolveEntities,
  type ResolveMention,
} from '../identifiers';
import { readSheet, wallClockToUtc, type TableTransaction } from '../import/table';
import { encodeCp1251 } from './cp1251';
import { buildScenario, demoFiles, describeCase } from './index';
import { ALMATY_OFFSET } from './scenario';

const scenario = buildScenario();
const files = demoFiles(scenario);

function read(index: number): {
  transactions: TableTransaction[];
  totals: { credit?: number; debit?: number }[];
} {
  const f = files[index]!;
  const result = readSheet(f.rows, { sheetName: f.name, merges: f.merges, ownAccount: f.ownAccount });
  const tables = result.tables.map((t) => t.read);
  expect(tables.flatMap((t) => t.rejected)).toEqual([]);
  return {
    transactions: tables.flatMap((t) => t.transactions),
    totals: tables.flatMap((t) => t.totals.map((x) => x.sums)),
  };
}

const keyOf = (bookedAt: number, amount: number, direction: string): string =>
  `${bookedAt}|${amount}|${direction}`;

function multiset(txs: readonly TableTransaction[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of txs) {
    const k = keyOf(t.bookedAt, t.amountMinor, t.direction);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

describe('demo case «Снежок»', () => {
  it('is deterministic for a seed, byte for byte', () => {
    const again = demoFiles(buildScenario());
    expect(again.map((f) => f.name)).toEqual(files.map((f) => f.name));
    again.forEach((f, i) => expect(f.bytes, f.name).toEqual(files[i]!.bytes));
    expect(demoFiles(buildScenario(7))[0]!.bytes).not.toEqual(files[0]!.bytes);
  });

  it('is a small case of a few thousand rows under 1 MB', () => {
    const rows = files.reduce((n, f) => n + f.transactions, 0);
    expect(rows).toBeGreaterThan(2000);
    expect(rows).toBeLessThan(5000);
    expect(files.reduce((n, f) => n + f.bytes.length, 0)).toBeLessThan(600_000);
    expect(describeCase(scenario).buyers).toBeGreaterThan(300);
  });

  it('plants only valid identifiers', () => {
    for (const p of scenario.people.values()) {
      expect(parseCard(p.card).ok, p.card).toBe(true);
      expect(parseIban(p.iban).ok, p.iban).toBe(true);
      expect(parsePhone(p.phone).ok, p.phone).toBe(true);
      expect(parseIinBin(p.iin).ok, p.iin).toBe(true);
    }
    for (const c of scenario.companies.values()) expect(parseIinBin(c.bin).kind, c.bin).toBe('bin');
    const w = scenario.wallets;
    for (const a of [w.collector, w.binanceHot, ...w.organizers, ...w.noise])
      expect(parseTron(a).ok, a).toBe(true);
  });

  it('reads every file back with the transactions planted and none rejected', () => {
    files.forEach((f, i) => expect(read(i).transactions.length, f.name).toBe(f.transactions));
  });

  it('shows every drop → collector transfer in both statements with equal amount and time', () => {
    const collector = multiset(read(3).transactions);
    scenario.drops.forEach((drop, i) => {
      const mine = multiset(read(i).transactions);
      const forwards = scenario.transfers.filter((t) => t.hop === 'forward' && t.from === drop);
      expect(forwards.length).toBeGreaterThan(30);
      for (const t of forwards) {
        const at = wallClockToUtc(t.wall, 'Asia/Almaty');
        expect(mine.get(keyOf(at, t.amountMinor, 'out')), `drop ${drop} transfer ${t.id}`).toBeGreaterThan(0);
        expect(collector.get(keyOf(at, t.amountMinor, 'in')), `collector transfer ${t.id}`).toBeGreaterThan(
          0,
        );
      }
    });
  });

  it('keeps repeated identical sale amounts as separate rows', () => {
    const sales = read(0).transactions.filter((t) => t.direction === 'in' && t.amountMinor === 15_000_00);
    const planted = scenario.transfers.filter(
      (t) => t.hop === 'sale' && t.to === 'drop1' && t.amountMinor === 15_000_00,
    );
    expect(sales.length).toBe(planted.length);
    expect(sales.length).toBeGreaterThan(100);
  });

  it('has a Halyk Итого row equal to the columns above it', () => {
    const { transactions, totals } = read(3);
    const sum = (dir: string): number =>
      transactions.filter((t) => t.direction === dir).reduce((n, t) => n + t.amountMinor, 0);
    expect(totals).toEqual([expect.objectContaining({ credit: sum('in'), debit: sum('out') })]);
  });

  it('ties each P2P order to a Halyk payment and the USDT to the chain', () => {
    const halyk = read(3).transactions;
    const binance = read(4).transactions;
    for (const o of scenario.orders) {
      const paid = halyk.filter((t) => t.description.includes(o.orderId));
      expect(paid.map((t) => [t.amountMinor, t.direction])).toEqual([[o.fiatMinor, 'out']]);
    }
    expect(binance.map((t) => t.amountMinor)).toEqual(scenario.orders.map((o) => o.quantityMicro));
    expect(binance.map((t) => t.amountKztMinor)).toEqual(scenario.orders.map((o) => o.fiatMinor));
    const imported = (i: number) => importStatement(files[i]!.bytes, files[i]!.name, { importedAt: 0 });
    const withdrawals = imported(5).transactions;
    const onChain = imported(6).transactions;
    // Every Binance withdrawal is one TronScan transfer into the collector's wallet, by TXID.
    expect(withdrawals.length).toBeGreaterThan(30);
    expect(withdrawals.every((w) => w.direction === 'out' && w.txid)).toBe(true);
    expect(withdrawals.map((w) => onChain.find((t) => t.txid === w.txid)?.amountMinor)).toEqual(
      withdrawals.map((w) => w.amountMinor),
    );
    const chain = read(6).transactions;
    const withdrawn = chain.filter((t) => t.counterparty.account === scenario.wallets.binanceHot);
    const bought = scenario.orders.reduce((n, o) => n + o.quantityMicro, 0);
    expect(withdrawn.reduce((n, t) => n + t.amountMinor, 0)).toBe(bought - withdrawn.length * 1_000_000);
    const first = scenario.chain[0]!;
    expect(chain.some((t) => t.bookedAt === first.utc)).toBe(true);
    expect(ALMATY_OFFSET).toBe(5 * 3_600_000);
  });

  it('resolves every masked drop and collector card to its full card from a statement header', () => {
    const mentions: ResolveMention<string>[] = [];
    files.forEach((f) => {
      for (const row of f.rows) {
        for (const cell of row) {
          if (typeof cell !== 'string') continue;
          for (const m of extractIdentifiers(cell).mentions)
            mentions.push({ kind: m.kind, value: m.value, ref: f.name });
          const card = parseCard(cell);
          if (card.ok) mentions.push({ kind: 'card', value: card.value, ref: f.name });
        }
      }
    });
    const resolution = resolveEntities(mentions);
    for (const key of [...scenario.drops, scenario.collector]) {
      const pan = scenario.people.get(key)!.card;
      const entity = resolution.find('card', pan);
      expect(entity?.maskedAliases, key).toEqual([`${pan.slice(0, 6)}******${pan.slice(-4)}`]);
    }
    const ambiguous = resolution.entities.filter((e) => e.resolution?.status === 'ambiguous');
    expect(ambiguous).toEqual([]);
  });

  it('encodes Windows-1251 exactly as the platform decoder reads it', () => {
    const all = new Uint8Array(256 - 0x20).map((_, i) => i + 0x20).filter((b) => b !== 0x98 && b !== 0x7f);
    const text = new TextDecoder('windows-1251').decode(all);
    expect(encodeCp1251(text)).toEqual(all);
    expect(() => encodeCp1251('€ ok, ☃ not')).toThrow(/Windows-1251/);
  });
});
