/**
 * Drafts between identifiers → the ledger between places: each group of joined identifiers
 * becomes one node (named by its strongest identifier, holder and bank taken from the rows that
 * state them), transfers inside one place are dropped (a person moving money between their own
 * card and account is not a hop), and everything is sorted so the same case gives the same ids.
 */
import { IDENTIFIER_KINDS, type IdentifierKind } from '../identifiers/types';
import type { Places } from './places';
import { compareForName, keyKind, keyValue } from './places';
import type { RowParties, SourceRows } from './row-parties';
import type { Ledger, LedgerNode, LedgerTransfer, NodeKind, RowEvidence, TransferChannel } from './types';

export interface Draft {
  from: string;
  to: string;
  at: number;
  amountMinor: number;
  currency: string;
  toAmountMinor?: number;
  toCurrency?: string;
  channel: TransferChannel;
  evidence: RowEvidence[];
  description?: string;
  reference?: string;
  kztMinor?: number;
  /** The row's own reading, for the counterparty's name and whether it is a shop. */
  parties?: RowParties;
  direction?: 'in' | 'out';
}

const VIA_KINDS = new Set(['phone-binding', 'masked-card', 'merge']);
const WALLETS = new Set(['tron', 'eth', 'btc']);
const ID_KINDS = new Set<string>([...IDENTIFIER_KINDS, 'exchange', 'name']);
const CHAIN_NAME: Record<string, string> = { tron: 'TRON', eth: 'Ethereum', btc: 'Bitcoin' };

export function assembleLedger(input: {
  sources: readonly SourceRows[];
  places: Places;
  drafts: readonly Draft[];
  unplaced: number;
}): Ledger {
  const { places, drafts, sources } = input;
  for (const d of drafts) {
    places.add(d.from);
    places.add(d.to);
  }
  const groups = places.groups();
  const roots = [...groups.keys()].sort((a, b) => compareForName(groupName(groups, a), groupName(groups, b)));
  const nodes: LedgerNode[] = [];
  const nodeOfRoot = new Map<string, number>();
  const nodeByKey = new Map<string, number>();
  for (const root of roots) {
    const identifiers = groups.get(root) ?? [root];
    const key = identifiers[0] as string;
    const id = nodes.length;
    const kind = keyKind(key);
    nodes.push({
      id,
      kind: nodeKind(kind),
      key,
      idKind: (ID_KINDS.has(kind) ? kind : 'name') as IdentifierKind | 'exchange' | 'name',
      value: keyValue(key),
      identifiers,
      hasStatement: false,
      ...(CHAIN_NAME[kind] ? { institution: CHAIN_NAME[kind] } : {}),
      ...(kind === 'exchange' ? { institution: keyValue(key) } : {}),
      ...(kind === 'cash' ? { endPoint: 'atm' as const, institution: keyValue(key) } : {}),
    });
    nodeOfRoot.set(root, id);
    for (const k of identifiers) nodeByKey.set(k, id);
  }
  const nodeOf = (key: string) => nodeOfRoot.get(places.find(key)) as number;
  describeStatementOwners(sources, nodes, nodeOf);

  const viaOf = new Map<string, number[]>();
  for (const link of places.links) {
    if (!VIA_KINDS.has(link.kind)) continue;
    for (const k of [link.a, link.b]) viaOf.set(k, [...(viaOf.get(k) ?? []), link.id]);
  }
  const transfers: LedgerTransfer[] = [];
  for (const d of drafts) {
    const from = nodeOf(d.from);
    const to = nodeOf(d.to);
    if (from === to) continue;
    const cpNode = d.direction === 'out' ? to : from;
    const cp = d.parties;
    if (cp) {
      const node = nodes[cpNode] as LedgerNode;
      if (cp.endPoint && !node.hasStatement && node.kind !== 'wallet') {
        node.endPoint ??= cp.endPoint;
        if (cp.endPoint === 'merchant' && node.kind === 'account') node.kind = 'merchant';
      }
      if (cp.counterpartyName && !node.hasStatement) node.holder ??= cp.counterpartyName;
      if (cp.counterpartyId && !node.hasStatement) node.holderId ??= cp.counterpartyId;
    }
    // Only links that were needed: the row named the place by another of its identifiers.
    const needed = (raw: string, node: number) =>
      raw === (nodes[node] as LedgerNode).key ? [] : (viaOf.get(raw) ?? []);
    const via = [...new Set([...needed(d.from, from), ...needed(d.to, to)])];
    const t: LedgerTransfer = {
      id: 0,
      from,
      to,
      at: d.at,
      amountMinor: d.amountMinor,
      currency: d.currency,
      channel: d.channel,
      evidence: d.evidence,
    };
    if (d.toAmountMinor !== undefined && d.toCurrency !== undefined) {
      t.toAmountMinor = d.toAmountMinor;
      t.toCurrency = d.toCurrency;
    }
    if (via.length > 0) t.via = via.sort((a, b) => a - b).map((link) => ({ link }));
    if (d.kztMinor !== undefined) t.kztMinor = d.kztMinor;
    if (d.description) t.description = d.description;
    if (d.reference) t.reference = d.reference;
    transfers.push(t);
  }
  transfers.sort(
    (a, b) => a.at - b.at || compareEvidence(a.evidence[0], b.evidence[0]) || a.from - b.from || a.to - b.to,
  );
  transfers.forEach((t, i) => (t.id = i));
  const files = new Map(sources.map((s) => [s.source.source.sha256, s.source.source.name]));
  return { nodes, transfers, links: places.links, nodeByKey, files, unplaced: input.unplaced };
}

function groupName(groups: Map<string, string[]>, root: string): string {
  return (groups.get(root) ?? [root])[0] as string;
}

function nodeKind(kind: string): NodeKind {
  if (WALLETS.has(kind)) return 'wallet';
  if (kind === 'exchange') return 'exchange-account';
  if (kind === 'cash') return 'cash';
  if (kind === 'unknown') return 'unknown';
  return 'account';
}

function compareEvidence(a: RowEvidence | undefined, b: RowEvidence | undefined): number {
  if (!a || !b) return 0;
  return a.sha256 < b.sha256
    ? -1
    : a.sha256 > b.sha256
      ? 1
      : a.sheet < b.sheet
        ? -1
        : a.sheet > b.sheet
          ? 1
          : a.row - b.row;
}

/** Statement owners: holder, IIN, bank and opening balance from the preamble. */
function describeStatementOwners(
  sources: readonly SourceRows[],
  nodes: LedgerNode[],
  nodeOf: (key: string) => number,
): void {
  for (const src of sources) {
    for (const [owner, account] of src.owners) {
      const node = nodes[nodeOf(owner)] as LedgerNode;
      if (node.hasStatement) continue;
      node.hasStatement = true;
      if (!account) continue;
      if (account.holderName) node.holder = account.holderName;
      if (account.idNumber) node.holderId = account.idNumber;
      if (account.bankName) node.institution = account.bankName;
      if (account.openingBalanceMinor !== undefined)
        node.openingMinor = { [account.currency ?? 'KZT']: account.openingBalanceMinor };
    }
  }
}
