/**
 * The demo case traced as the Trace tab does it by default (a drop's phone, pro-rata, down),
 * with the freeze register an investigator would draw from it: the collector's card and the two
 * organizers' wallets. Built once per test file: importing the demo takes a few seconds.
 */
import bins from '../../../resources/banks/kz-bins.json';
import ibanCodes from '../../../resources/banks/kz-iban-codes.json';
import { buildScenario, demoFiles } from '../../demo';
import { loadBankDirectory } from '../../identifiers/banks';
import { importStatement } from '../../import';
import { runTrace, type TraceRequest } from '../../investigate';
import type { FreezeEntry } from '../types';
import { assetRefs, showIdentifier, traceReportInput } from './input';

export const CASE = {
  title: 'Интернет-магазин «Снежок»: мошенничество с предоплатой',
  registryNumber: '247500031000123',
  investigator: 'Ахметов Ерлан Серикович',
  position: 'Следователь по особо важным делам',
  organisation: 'СУ ДП г. Алматы',
  city: 'Алматы',
};

/** A fixture that lost a planted place should fail loudly, naming it. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo case: no ${what}`);
  return value;
}

export function demoTrace(request: Partial<TraceRequest> = {}) {
  const scenario = buildScenario();
  const sources = demoFiles(scenario).map((f) => importStatement(f.bytes, f.name, { importedAt: 0 }));
  const req: TraceRequest = { from: ['8 702 945 68 70'], direction: 'down', method: 'pro-rata', ...request };
  const answer = runTrace({ sources }, req, loadBankDirectory(bins, ibanCodes));
  const collector = must(scenario.people.get(scenario.collector), 'collector');
  const entry = (
    id: string,
    kind: FreezeEntry['kind'],
    identifier: string,
    holder: string,
    institution: string,
  ) => {
    const node = must(
      answer.ledger.nodeByKey.get(`${kind === 'wallet' ? 'tron' : 'card'}:${identifier}`),
      identifier,
    );
    const held = must(
      answer.result.reached.find((r) => r.node === node),
      `${identifier} reached`,
    );
    return {
      id,
      kind,
      identifier: showIdentifier(kind === 'wallet' ? 'tron' : 'card', identifier),
      holder,
      institution,
      amountMinor: kind === 'wallet' ? held.nativeHeldMinor : held.heldMinor,
      currency: kind === 'wallet' ? 'USDT' : 'KZT',
      status: 'approved',
      legalBasis: 'ст. 161 УПК РК',
      evidence: [],
    } satisfies FreezeEntry;
  };
  const entries: FreezeEntry[] = [
    entry('a1', 'card', collector.card, collector.name, 'АО «Народный Банк Казахстана»'),
    ...scenario.wallets.organizers.map((w, i) =>
      entry(`w${i}`, 'wallet', w, '', 'Tether Operations Ltd. (USDT issuer)'),
    ),
  ];
  const input = traceReportInput(answer, req, assetRefs(answer.ledger, entries), {
    case: CASE,
    engine: 'MoneyTrail 0.9.0 (test)',
  });
  return { scenario, answer, entries, input, sources };
}
