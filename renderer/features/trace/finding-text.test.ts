import i18next from 'i18next';
import bins from '../../../resources/banks/kz-bins.json';
import ibanCodes from '../../../resources/banks/kz-iban-codes.json';
import { buildScenario, demoFiles } from '../../../shared/demo';
import { loadBankDirectory } from '../../../shared/identifiers/banks';
import { importStatement } from '../../../shared/import';
import { runTrace } from '../../../shared/investigate';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatMoney, type UiLanguage } from '../../../shared/format/money';
import { nodeRef } from '../../../shared/investigate/trace-json';
import type { Ledger, LedgerNode } from '../../../shared/ledger/types';
import { detectPatterns, type Finding } from '../../../shared/patterns';
import { dropDay, HOUR, kzt, LedgerBuilder, T0 } from '../../../shared/patterns/test-support';
import { resources } from '../../app/i18n';
import { findingText, type FindingJson, type Translate } from './finding-text';

/** Every code the detectors in shared/patterns can emit. */
const CODES = [
  'drop.fan-in-fast-out',
  'collector.from-drops',
  'collector.from-drops.converted',
  'collector.from-fan-in',
  'collector.from-fan-in.converted',
  'pass-through.rapid-chain',
  'structuring.sent-just-under',
  'structuring.received-just-under',
  'shared-identifier.phone',
  'shared-identifier.holder',
];

async function translator(language: UiLanguage) {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: language, interpolation: { escapeValue: false }, returnNull: false });
  return {
    t: ((key, options) => i18n.t(key, options)) as Translate,
    format: {
      language,
      money: (minor: number, currency: string) => formatMoney(minor, currency, language),
      count: (n: number) => formatCount(n, language),
    },
  };
}

/** A finding as the trace JSON carries it to the renderer. */
const asJson = (ledger: Ledger, findings: Finding[]): FindingJson[] =>
  findings.map((f) => ({
    ...f,
    nodes: f.nodes.map((id) => nodeRef(ledger.nodes[id] as LedgerNode)),
    evidence: [],
  }));

/** What the demo case does not show: a phone on two people's cards, split sending, plain collectors. */
function builtFindings(): FindingJson[] {
  const b = new LedgerBuilder();
  const [kaspi, halyk] = [b.card({ holder: 'Aidos K.' }), b.card({ holder: 'Marat S.' })];
  b.link('phone-binding', 'phone:+77011234567', b.key(kaspi), 7).link(
    'phone-binding',
    b.key(halyk),
    'phone:+77011234567',
    9,
  );
  const [sender, r1, r2] = [b.card({ holder: 'Sender' }), b.card(), b.card()];
  [990_000, 985_000, 999_999, 970_000].forEach((tenge, i) =>
    b.pay(sender, i % 2 ? r2 : r1, T0 + i * 9 * HOUR, kzt(tenge)),
  );
  const collector = b.card({ holder: 'Collector' });
  for (const day of [0, 1])
    for (const drop of [1, 2, 3].map((i) => b.card({ holder: `Drop ${i}` })))
      dropDay(b, drop, collector, { day });
  const ledger = b.build();
  return asJson(ledger, [
    ...detectPatterns(ledger, {}, { kinds: ['shared-identifier', 'structuring', 'drop', 'collector'] }),
    ...detectPatterns(ledger, {}, { kinds: ['collector'] }),
  ]);
}

let findings: FindingJson[] = [];

beforeAll(() => {
  // The demo case traced as the Trace tab does by default: a drop's phone, pro-rata, down.
  const sources = demoFiles(buildScenario()).map((f) => importStatement(f.bytes, f.name, { importedAt: 0 }));
  const banks = loadBankDirectory(bins, ibanCodes);
  const answer = runTrace(
    { sources },
    { from: ['8 702 945 68 70'], direction: 'down', method: 'pro-rata' },
    banks,
  );
  findings = [
    ...answer.json.patterns,
    // The whole demo ledger, collectors fed by fan-in nodes, and one person's several accounts.
    ...asJson(answer.ledger, detectPatterns(answer.ledger)),
    ...asJson(answer.ledger, detectPatterns(answer.ledger, {}, { kinds: ['collector'] })),
    ...asJson(
      answer.ledger,
      detectPatterns(answer.ledger, { sharedHolderMinAccounts: 2 }, { kinds: ['shared-identifier'] }),
    ),
    ...builtFindings(),
  ];
}, 120_000);

describe('findingText', () => {
  it('is tried on every code the detectors emit', () => {
    expect([...new Set(findings.map((f) => f.code))].sort()).toEqual([...CODES].sort());
  });

  for (const language of ['ru', 'kk', 'en'] as const) {
    it(`writes every finding in ${language} without gaps`, async () => {
      const { t, format } = await translator(language);
      for (const finding of findings) {
        const text = findingText(finding, t, format);
        expect(text.trim(), finding.code).not.toBe('');
        expect(text, finding.code).not.toMatch(/\{\{|undefined|NaN|trace\.patterns/);
        if (language === 'en') continue;
        expect(text, finding.code).not.toBe(finding.detail);
        expect(text, finding.code).toMatch(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүІі]/);
        expect(text, finding.code).not.toMatch(
          /\b(received|sent|payments?|senders?|recipients?|within|median|converted|bound|holds|drops?|hops?)\b/,
        );
      }
    });
  }

  it('says in Russian what the English detail says, with Russian plurals', async () => {
    const { t, format } = await translator('ru');
    const text = (code: string) =>
      findingText(findings.find((f) => f.code === code) as FindingJson, t, format);
    expect(text('drop.fan-in-fast-out')).toMatch(
      /^KZ03 722K ZT93 9544 5379 \(Нурланова Айгерим Маратовна\): получено 744 платежа на сумму 21\u00a0217\u00a0000,00\u00a0₸ от 402 отправителей \(не связанных между собой — 318\); 91% ушло дальше в пределах 24 ч \(медиана 6,5 ч\) — 1 получателю: /,
    );
    expect(text('shared-identifier.phone')).toBe(
      'Телефон +7 701 123 45 67 привязан к 2 счетам 2 разных владельцев: 4400 0000 0000 0001 (Aidos K.); 4400 0000 0000 0002 (Marat S.)',
    );
    expect(text('structuring.sent-just-under')).toMatch(
      /^4400 0000 0000 0003 \(Sender\): отправлено 4 платежа чуть ниже порога 1\u00a0000\u00a0000,00\u00a0₸ .* в течение 7 дней; .* в адрес 2 получателей$/,
    );
  });

  it('falls back to the English detail for codes and params it does not know', async () => {
    const { t, format } = await translator('ru');
    const base = findings[0] as FindingJson;
    expect(findingText({ ...base, code: 'new.pattern' }, t, format)).toBe(base.detail);
    expect(findingText({ ...base, params: {} }, t, format)).toBe(base.detail);
    expect(findingText({ ...base, thresholds: {} }, t, format)).toBe(base.detail);
  });
});
