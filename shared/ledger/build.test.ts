import { describe, expect, it } from 'vitest';
import { buildScenario, demoFiles, describeCase } from '../demo';
import { findDuplicateCandidates } from '../dedupe';
import { importStatement } from '../import';
import { buildLedger } from './build';
import type { Ledger, LedgerNode } from './types';

const scenario = buildScenario();
const sources = demoFiles(scenario).map((f) => importStatement(f.bytes, f.name, { importedAt: 0 }));
const ledger = buildLedger({ sources });
const key = describeCase(scenario);

function nodeOf(l: Ledger, identifier: string): LedgerNode {
  const id = l.nodeByKey.get(identifier);
  if (id === undefined) throw new Error(`no node for ${identifier}`);
  return l.nodes[id] as LedgerNode;
}

describe('ledger of the demo case', () => {
  const collector = scenario.people.get(scenario.collector)!;
  const drop1 = scenario.people.get(scenario.drops[0])!;

  it('joins a statement’s IBAN, card, masked card and the phone its payers used into one place', () => {
    const node = nodeOf(ledger, `iban:${collector.iban}`);
    expect(node.identifiers).toEqual(
      expect.arrayContaining([
        `card:${collector.card}`,
        `phone:${collector.phone}`,
        `card_masked:${collector.card.slice(0, 6)}******${collector.card.slice(-4)}`,
      ]),
    );
    expect(node).toMatchObject({ kind: 'account', holder: collector.name, hasStatement: true });
    const binding = ledger.links.find(
      (l) => l.kind === 'phone-binding' && [l.a, l.b].includes(`phone:${collector.phone}`),
    );
    expect(binding?.evidence).toHaveLength(2);
  });

  it('binds each drop’s phone, which its statement header names, to the drop’s account', () => {
    for (const key of scenario.drops) {
      const drop = scenario.people.get(key)!;
      expect(ledger.nodeByKey.get(`phone:${drop.phone}`)).toBe(ledger.nodeByKey.get(`iban:${drop.iban}`));
    }
  });

  it('counts every sale into a drop once, from the drop’s own statement', () => {
    const drop = nodeOf(ledger, `iban:${drop1.iban}`).id;
    const forwardsOut = ledger.transfers.filter(
      (t) => t.from === drop && t.to === nodeOf(ledger, `iban:${collector.iban}`).id,
    );
    const summary = key.drops[0]!;
    expect(forwardsOut.reduce((n, t) => n + t.amountMinor, 0)).toBe(summary.forwardedMinor);
    expect(forwardsOut).toHaveLength(summary.forwards);
    // Both statements record each forward: one transfer, two rows.
    expect(forwardsOut.every((t) => t.evidence.length === 2)).toBe(true);
  });

  it('turns each bank payment for a P2P order into a conversion into the Binance account', () => {
    const exchange = nodeOf(ledger, 'exchange:Binance');
    const conversions = ledger.transfers.filter((t) => t.to === exchange.id && t.channel === 'p2p');
    expect(conversions).toHaveLength(scenario.orders.length);
    expect(conversions.reduce((n, t) => n + (t.toAmountMinor ?? 0), 0)).toBe(key.p2p.usdtMicro);
    expect(conversions.reduce((n, t) => n + t.amountMinor, 0)).toBe(key.p2p.fiatMinor);
    expect(
      conversions.every((t) => t.toCurrency === 'USDT' && t.currency === 'KZT' && t.evidence.length === 2),
    ).toBe(true);
    expect(new Set(conversions.map((t) => t.from))).toEqual(
      new Set([nodeOf(ledger, `iban:${collector.iban}`).id]),
    );
  });

  it('follows the USDT from the exchange account to the collector’s wallet and on to the organizers', () => {
    const exchange = nodeOf(ledger, 'exchange:Binance').id;
    const wallet = nodeOf(ledger, `tron:${scenario.wallets.collector}`).id;
    const withdrawals = ledger.transfers.filter((t) => t.from === exchange && t.to === wallet);
    expect(withdrawals).toHaveLength(key.withdrawals.count);
    expect(withdrawals.reduce((n, t) => n + t.amountMinor, 0)).toBe(key.withdrawals.usdtMicro);
    for (const organizer of key.organizers) {
      const into = ledger.transfers.filter(
        (t) => t.from === wallet && t.to === nodeOf(ledger, `tron:${organizer.wallet}`).id,
      );
      expect(into.reduce((n, t) => n + t.amountMinor, 0)).toBe(organizer.usdtMicro);
    }
  });

  it('sorts transfers by time and names every row it rests on', () => {
    for (let i = 1; i < ledger.transfers.length; i++)
      expect(ledger.transfers[i]!.at).toBeGreaterThanOrEqual(ledger.transfers[i - 1]!.at);
    const rows = new Set(
      ledger.transfers.flatMap((t) => t.evidence.map((e) => `${e.sha256}|${e.sheet}|${e.row}`)),
    );
    const all = sources.reduce((n, s) => n + s.transactions.length, 0);
    // Every imported row is evidence of exactly one transfer (a drop's own card-to-account moves aside).
    expect(rows.size).toBe(all);
    expect(ledger.unplaced).toBe(0);
  });

  it('never counts a transfer twice when both statements record it', () => {
    const both = ledger.transfers.filter(
      (t) => ledger.nodes[t.from]!.hasStatement && ledger.nodes[t.to]!.hasStatement,
    );
    expect(both.length).toBeGreaterThan(300);
    expect(both.filter((t) => t.evidence.length !== 2)).toEqual([]);
  });

  it('is deterministic', () => {
    const again = buildLedger({ sources: [...sources] });
    expect(again.transfers).toEqual(ledger.transfers);
    expect(again.nodes).toEqual(ledger.nodes);
  });

  it('keeps two rows apart when the investigator rejected them as one transfer', () => {
    const candidates = findDuplicateCandidates(
      sources.map((s) => ({
        sha256: s.source.sha256,
        name: s.source.name,
        accounts: s.accounts,
        transactions: s.transactions,
      })),
    );
    const pair = candidates.find((c) => c.kind === 'two-sides' && c.strong)!;
    const rejected = buildLedger({
      sources,
      candidates,
      duplicateDecisions: [
        { kind: pair.kind, a: pair.a, b: pair.b, decision: 'rejected', decidedAt: 1, actor: 'test' },
      ],
    });
    expect(rejected.transfers).toHaveLength(ledger.transfers.length + 1);
  });

  it('refuses to join identifiers the investigator split', () => {
    const split = buildLedger({
      sources,
      decisions: [
        {
          id: 'd1',
          action: 'split',
          keys: [`iban:${collector.iban}`, `card:${collector.card}`],
          reason: 'test',
          actor: 't',
          at: 1,
        },
      ],
    });
    expect(split.nodeByKey.get(`iban:${collector.iban}`)).not.toBe(
      split.nodeByKey.get(`card:${collector.card}`),
    );
  });
});

describe('statements whose account number no checksum accepts', () => {
  it('still place every row on the statement’s account, named as the bank printed it', () => {
    const statement = importStatement(
      new TextEncoder().encode(
        [
          'Клиент:;Бенчмарков Тест Тестович',
          'Счет:;KZ40601KZT0000000001',
          '',
          'Дата;Сумма;Описание;Номер счета получателя',
          '01.09.2024 10:00:00;-5000,00;Перевод;KZ15826KZT4774070722',
          '02.09.2024 10:00:00;7000,00;Пополнение;',
        ].join('\n'),
      ),
      'test.csv',
      { importedAt: 0 },
    );
    const l = buildLedger({ sources: [statement] });
    expect(l.unplaced).toBe(0);
    const own = l.nodeByKey.get('account:KZ40601KZT0000000001');
    expect(own).toBeDefined();
    expect(l.nodes[own!]).toMatchObject({ hasStatement: true, holder: 'Бенчмарков Тест Тестович' });
    expect(l.transfers.map((t) => [t.from === own, t.to === own])).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});
