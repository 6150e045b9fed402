/**
 * A pattern finding as a sentence in the UI language. The detectors write English prose for the
 * CLI (`detail`); here the same sentence is rebuilt from the finding's `code` and `params`, so a
 * Russian or Kazakh investigator reads it in their language with their number format. Any code
 * or parameter this file does not know falls back to the English detail: a finding is never
 * hidden and never shows `undefined`.
 */
import { displayIdentifier } from '../../../shared/format/identifier';
import type { UiLanguage } from '../../../shared/format/money';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../shared/identifiers/types';
import type { TraceJson } from '../../../shared/investigate';
import { currencyMinorDigits } from '../../../shared/model/currency';

export type FindingJson = TraceJson['patterns'][number];
type NodeJson = FindingJson['nodes'][number];

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The part of `useFormat()` a sentence needs. */
export interface FindingFormat {
  language: UiLanguage;
  money: (minorUnits: number, currency: string) => string;
  count: (value: number) => string;
}

const KEY = 'trace.patterns.detail';
const IDENTIFIERS = new Set<string>(IDENTIFIER_KINDS);
const INTL_LOCALE: Record<UiLanguage, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

/** Thrown when a finding lacks what its sentence needs; caught below to fall back to `detail`. */
class Missing extends Error {}

export function findingText(finding: FindingJson, t: Translate, format: FindingFormat): string {
  try {
    return sentence(finding, t, format) ?? finding.detail;
  } catch (error) {
    if (error instanceof Missing) return finding.detail;
    throw error;
  }
}

function sentence(f: FindingJson, t: Translate, format: FindingFormat): string | undefined {
  const p = f.params as Record<string, unknown>;
  const num = (name: string): number => {
    const v = p[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Missing(name);
    return v;
  };
  const str = (name: string): string => {
    const v = p[name];
    if (typeof v !== 'string' || v === '') throw new Missing(name);
    return v;
  };
  const threshold = (name: string): number => {
    const v = (f.thresholds as Record<string, unknown>)[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Missing(name);
    return v;
  };
  const tr = (key: string, options: Record<string, unknown> = {}): string => {
    const full = `${KEY}.${key}`;
    const text = t(full, options);
    if (typeof text !== 'string' || text === full || text.includes('{{')) throw new Missing(full);
    return text;
  };
  /** `5 payments`, `5 платежей`: the plural picked by `count`, the number in the UI's format. */
  const counted = (what: string, n: number, extra: Record<string, unknown> = {}) =>
    tr(`counted.${what}`, { count: n, n: format.count(n), ...extra });
  const money = (minor: number) => format.money(minor, str('currency'));
  const node = (i: number): NodeJson => {
    const n = f.nodes[i];
    if (!n) throw new Missing(`node ${i}`);
    return n;
  };
  const place = () => nodeLabel(node(0));
  const minutes = (m: number) => duration(m, tr, format);

  switch (f.code) {
    case 'drop.fan-in-fast-out': {
      const senders = num('senders');
      const unrelated = num('unrelatedSenders');
      const recipients = num('recipients');
      return tr('drop.fan-in-fast-out', {
        place: place(),
        payments: counted('payments', num('payments')),
        received: money(num('receivedMinor')),
        senders:
          senders === unrelated
            ? counted('unrelatedSenders', unrelated)
            : counted('sendersSomeUnrelated', senders, { unrelated: format.count(unrelated) }),
        share: percent(num('forwardedShare')),
        hours: format.count(threshold('dropMaxHoldHours')),
        median: minutes(num('medianHoldHours') * 60),
        recipients: counted('dropRecipients', recipients),
        to: labels(f.nodes.slice(1, 1 + recipients)),
      });
    }
    case 'collector.from-drops':
    case 'collector.from-fan-in':
    case 'collector.from-drops.converted':
    case 'collector.from-fan-in.converted': {
      const fromDrops = f.code.startsWith('collector.from-drops');
      const feeders = num('feeders');
      const named = f.nodes.slice(1, 1 + Math.min(3, feeders));
      const more =
        feeders > named.length ? tr('collector.more', { n: format.count(feeders - named.length) }) : '';
      let text = tr(fromDrops ? 'collector.from-drops' : 'collector.from-fan-in', {
        place: place(),
        amount: money(num('fromFeedersMinor')),
        share: percent(num('feederShare')),
        total: money(num('receivedMinor')),
        feeders: counted(fromDrops ? 'drops' : 'fanIn', feeders),
        named: labels(named) + more,
      });
      if (f.code.endsWith('.converted')) {
        const into =
          typeof p['convertedToCurrency'] === 'string' && typeof p['convertedToMinor'] === 'number';
        text += tr(into ? 'collector.convertedInto' : 'collector.converted', {
          amount: money(num('convertedMinor')),
          share: percent(num('convertedShare')),
          orders: counted('orders', num('conversions')),
          ...(into ? { target: format.money(num('convertedToMinor'), str('convertedToCurrency')) } : {}),
        });
      }
      return text;
    }
    case 'pass-through.rapid-chain':
      return tr('pass-through.rapid-chain', {
        place: place(),
        payments: counted('payments', num('payments')),
        received: money(num('receivedMinor')),
        share: percent(num('passedShare')),
        minutes: format.count(threshold('passThroughMaxMinutes')),
        median: minutes(num('medianMinutes')),
        hops: counted('hops', num('longestHops')),
        span: minutes(num('longestChainMinutes')),
        // Already short labels and amounts, written by the detector (identifiers need no translating).
        chain: str('chain'),
        amounts: str('chainAmounts'),
      });
    case 'structuring.sent-just-under':
    case 'structuring.received-just-under': {
      const sent = f.code === 'structuring.sent-just-under';
      const currency = str('currency');
      return tr(sent ? 'structuring.sent-just-under' : 'structuring.received-just-under', {
        place: place(),
        payments: counted('payments', num('payments')),
        // The limit is configured in major units; the detector compares with it in minor units.
        limit: money(Math.round(num('limit') * 10 ** currencyMinorDigits(currency))),
        low: money(num('lowMinor')),
        most: format.count(num('mostInWindow')),
        days: counted('days', threshold('structuringWindowDays')),
        total: money(num('totalMinor')),
        parties: counted(sent ? 'sentTo' : 'receivedFrom', num('counterparties')),
      });
    }
    case 'shared-identifier.phone': {
      const holders = num('holders');
      const accounts = num('accounts');
      return tr(holders > 1 ? 'shared-identifier.phoneHolders' : 'shared-identifier.phone', {
        phone: displayIdentifier('phone', str('identifier').replace(/^phone:/, '')),
        accounts: counted('accountsBound', accounts),
        holders: counted('holders', holders),
        list: labels(f.nodes.slice(0, accounts), '; '),
      });
    }
    case 'shared-identifier.holder': {
      const accounts = num('accounts');
      return tr('shared-identifier.holder', {
        iin: displayIdentifier('iin', str('identifier').replace(/^(iin|bin):/, '')),
        accounts: counted('accountsHeld', accounts),
        banks: counted('banks', num('banks')),
        list: labels(f.nodes.slice(0, accounts), '; '),
      });
    }
    default:
      return undefined;
  }
}

/** `4400 4300 1234 5678 (Aidos K.)`: the short form PlaceLabel shows, as the detail names places. */
export function nodeLabel(node: NodeJson): string {
  const name = IDENTIFIERS.has(node.kind)
    ? displayIdentifier(node.kind as IdentifierKind, node.value)
    : node.value;
  return node.holder ? `${name} (${node.holder})` : name;
}

function labels(nodes: readonly NodeJson[], separator = ', '): string {
  return nodes.map(nodeLabel).join(separator);
}

/** Rounded down, as the detail does, so a share just under a threshold never reads as the threshold. */
function percent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}

/** `45 min`, `2,5 ч`, `14 сағ`: the detail's rounding, in the UI's words and number format. */
function duration(totalMinutes: number, tr: Translate, format: FindingFormat): string {
  if (totalMinutes < 60) return tr('unit.minutes', { n: format.count(Math.round(totalMinutes)) });
  const hours = totalMinutes / 60;
  const shown = hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours);
  const n = new Intl.NumberFormat(INTL_LOCALE[format.language], { maximumFractionDigits: 1 }).format(shown);
  return tr('unit.hours', { n: n.replace(/\u202f/g, '\u00a0') });
}
