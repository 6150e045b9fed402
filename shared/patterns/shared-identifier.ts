/**
 * Shared identifier: one phone bound to several accounts, or one IIN/BIN holding many. Drops'
 * cards are often opened on one person, or bound to the organizer's phone to move money by
 * phone number. Read from phone-binding and holder links (with their rows) and from each node's
 * identifiers and holder IIN.
 */
import { displayIdentifier } from '../format/identifier';
import type { LedgerNode, RowEvidence } from '../ledger/types';
import type { PatternContext } from './context';
import { beyond, collectEvidence, fitScore, nodeLabel, plural } from './describe';
import { pick } from './thresholds';
import type { Finding } from './types';

interface Group {
  kind: 'phone' | 'holder';
  /** `phone:+7…` or the 12 digits of the IIN/BIN. */
  value: string;
  nodes: Set<number>;
  evidence: RowEvidence[];
}

const PHONE = 'phone:';

export function detectSharedIdentifiers(ctx: PatternContext): Finding[] {
  const { ledger } = ctx;
  const groups = new Map<string, Group>();
  const add = (kind: Group['kind'], value: string, node: number | undefined, rows: RowEvidence[] = []) => {
    const key = `${kind}:${value}`;
    const g = groups.get(key) ?? { kind, value, nodes: new Set<number>(), evidence: [] };
    groups.set(key, g);
    const n = node === undefined ? undefined : ledger.nodes[node];
    if (n && isAccount(n, kind === 'phone' ? value : undefined)) {
      g.nodes.add(n.id);
      g.evidence.push(...rows);
    }
  };
  for (const link of ledger.links) {
    if (link.kind === 'phone-binding') {
      const [phone, other] = link.a.startsWith(PHONE) ? [link.a, link.b] : [link.b, link.a];
      if (phone.startsWith(PHONE)) add('phone', phone, ledger.nodeByKey.get(other), link.evidence);
    } else if (link.kind === 'holder') {
      const [holder, other] = holderValue(link.a) ? [link.a, link.b] : [link.b, link.a];
      const value = holderValue(holder);
      if (value) add('holder', value, ledger.nodeByKey.get(other), link.evidence);
    }
  }
  for (const node of ledger.nodes) {
    if (node.holderId) add('holder', node.holderId, node.id);
    for (const key of node.identifiers) {
      if (key.startsWith(PHONE)) add('phone', key, node.id);
      const value = holderValue(key);
      if (value) add('holder', value, node.id);
    }
  }
  const findings: Finding[] = [];
  for (const g of groups.values()) {
    const min = g.kind === 'phone' ? ctx.t.sharedPhoneMinAccounts : ctx.t.sharedHolderMinAccounts;
    if (g.nodes.size < Math.max(2, min) || ![...g.nodes].some((n) => ctx.wanted(n))) continue;
    findings.push(finding(ctx, g, min));
  }
  return findings;
}

/** A place money sits that someone opened: not a phone-only counterparty, a shop or a wallet. */
function isAccount(node: LedgerNode, phoneKey: string | undefined): boolean {
  return (node.kind === 'account' || node.kind === 'exchange-account') && node.key !== phoneKey;
}

function holderValue(key: string): string | undefined {
  return key.startsWith('iin:') || key.startsWith('bin:') ? key.slice(4) : undefined;
}

function finding(ctx: PatternContext, g: Group, min: number): Finding {
  const { ledger, t } = ctx;
  // Wanted accounts first (the one the investigator is looking at), then by id.
  const nodes = [...g.nodes].sort((a, b) => Number(ctx.wanted(b)) - Number(ctx.wanted(a)) || a - b);
  const accounts = nodes.map((n) => ledger.nodes[n] as LedgerNode);
  // Holders the statements name (by IIN, else by name); accounts of unknown holders are not counted.
  const holders = new Set(accounts.flatMap((n) => n.holderId ?? n.holder ?? [])).size;
  const banks = new Set(accounts.map((n) => n.institution ?? '')).size;
  const { evidence, total } = collectEvidence(ctx, [], g.evidence);
  const phone = g.kind === 'phone';
  const shown = phone
    ? displayIdentifier('phone', g.value.slice(PHONE.length))
    : displayIdentifier('iin', g.value);
  const list = accounts
    .map((n) => nodeLabel(ledger, n.id) + (n.institution ? `, ${n.institution}` : ''))
    .join('; ');
  const score = fitScore([
    beyond(nodes.length, min, min + 3),
    phone ? (holders > 1 ? 1 : 0) : beyond(banks, 1, 3),
  ]);
  return {
    kind: 'shared-identifier',
    nodes,
    score,
    code: `shared-identifier.${g.kind}`,
    params: {
      identifier: phone ? g.value : `iin:${g.value}`,
      accounts: nodes.length,
      holders,
      banks,
      evidenceTotal: total,
    },
    detail: phone
      ? `Phone ${shown} is bound to ${plural(nodes.length, 'account')}` +
        `${holders > 1 ? ` of ${plural(holders, 'different holder')}` : ''}: ${list}`
      : `IIN/BIN ${shown} holds ${plural(nodes.length, 'account')} in ${plural(banks, 'bank')}: ${list}`,
    evidence,
    thresholds: pick(t, [phone ? 'sharedPhoneMinAccounts' : 'sharedHolderMinAccounts']),
  };
}
