import type cytoscape from 'cytoscape';
import type { HolderNode, Money, VisibleElements, VisibleNode } from '../../../shared/graph';
import { displayIdentifier } from '../../../shared/format/identifier';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../shared/identifiers/types';
import type { LayoutRequest } from './graph-protocol';

const IDENTIFIERS = new Set<string>(IDENTIFIER_KINDS);

export interface LabelText {
  money: (minor: number, currency: string) => string;
  count: (n: number) => string;
  collection: (count: number, kind: string) => string;
  /** "ИИН 940510461793": the holder's number with what it is. */
  holderId: (kind: 'iin' | 'bin', value: string) => string;
}

/** Holders are drawn small: they carry no money, only who holds what. */
export const HOLDER_SIZE = 32;

/** A holder's name and number, for the graph label and the details panel. */
export function holderLabel(holder: HolderNode, text: Pick<LabelText, 'holderId'>): string {
  const kind = holder.key.startsWith('bin:') ? 'bin' : 'iin';
  return [holder.names[0], holder.idNumber && text.holderId(kind, holder.idNumber)]
    .filter(Boolean)
    .join('\n');
}

/** The main currency of a flow: the one with the largest number of minor units. */
function headline(money: Money, text: LabelText): string {
  const [currency, minor] = Object.entries(money).sort((a, b) => b[1] - a[1])[0] ?? [];
  return currency === undefined || minor === undefined ? '' : text.money(minor, currency);
}

function total(money: Money): number {
  return Object.values(money).reduce((a, b) => a + b, 0);
}

export function shortValue(kind: string, value: string): string {
  return IDENTIFIERS.has(kind) ? displayIdentifier(kind as IdentifierKind, value) : value;
}

/** Drawn size: collections by member count, places by the money through them (log scale). */
export function nodeSize(node: VisibleNode): number {
  if (node.type === 'collection') return Math.min(90, 36 + Math.log10(node.count + 1) * 14);
  return Math.min(70, 22 + Math.log10(total(node.in) + total(node.out) + 10) * 3.2);
}

function nodeData(node: VisibleNode, text: LabelText, onPath: ReadonlySet<string>) {
  if (node.type === 'collection') {
    const kind = Object.entries(node.kinds).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
    const flow = node.anchorFlow
      ? headline(node.anchorFlow.money, text)
      : headline(node.in, text) || headline(node.out, text);
    return {
      id: node.id,
      type: 'collection',
      placeKind: 'collection',
      idKind: kind === 'account' ? 'card' : kind === 'wallet' ? 'tron' : 'unknown',
      label: `${text.collection(node.count, kind)}${flow ? `\n${flow}` : ''}`,
      size: nodeSize(node),
      pinned: node.pinned,
    };
  }
  return {
    id: node.id,
    type: 'entity',
    node: node.node,
    placeKind: node.kind,
    idKind: node.idKind,
    label: [
      shortValue(node.idKind, node.value),
      node.holder,
      headline(node.in, text) && `↓ ${headline(node.in, text)}`,
    ]
      .filter(Boolean)
      .join('\n'),
    size: nodeSize(node),
    seed: node.seed,
    pinned: node.pinned,
    onPath: onPath.has(node.id),
  };
}

export function toCyElements(
  elements: VisibleElements,
  text: LabelText,
  onPath: ReadonlySet<string> = new Set(),
): cytoscape.ElementDefinition[] {
  const out: cytoscape.ElementDefinition[] = elements.nodes.map((node) => ({
    group: 'nodes',
    data: nodeData(node, text, onPath),
  }));
  for (const edge of elements.edges) {
    const sent = headline(edge.sent, text);
    const received = headline(edge.received, text);
    out.push({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        width: Math.min(9, 1 + Math.log10(edge.count + 1) * 2.2),
        converts: sent !== received && Object.keys(edge.sent).join() !== Object.keys(edge.received).join(),
        label: `${sent}${sent !== received && received ? ` → ${received}` : ''} · ${text.count(edge.count)}`,
        onPath: onPath.has(edge.id),
      },
    });
  }
  // The non-money layer: who holds the places, drawn apart from the flows (graph-style.ts).
  for (const holder of elements.holders)
    out.push({
      group: 'nodes',
      data: {
        id: holder.id,
        type: 'holder',
        placeKind: 'holder',
        holderKind: holder.holderKind,
        idKind: holder.holderKind === 'company' ? 'bin' : holder.holderKind === 'person' ? 'iin' : 'name',
        label: holderLabel(holder, text),
        size: HOLDER_SIZE,
      },
    });
  for (const link of elements.holds)
    out.push({
      group: 'edges',
      data: { id: link.id, source: link.source, target: link.target, type: 'holds', width: 1.5, label: '' },
    });
  return out;
}

/** What the layout is asked to place: every drawn node weighted by the money through it. */
export function toLayoutRequest(
  elements: VisibleElements,
  name: LayoutRequest['name'],
  keep: LayoutRequest['fixed'],
  centre?: string,
): LayoutRequest {
  const fixed: LayoutRequest['fixed'] = {};
  for (const node of elements.nodes)
    if (keep[node.id]) fixed[node.id] = keep[node.id] as { x: number; y: number };
  return {
    name,
    // Holders and their links take part, so the layout leaves room for them next to their places.
    nodes: [
      ...elements.nodes.map((n) => ({
        id: n.id,
        weight: n.type === 'entity' ? Math.log10(1 + total(n.in) + total(n.out)) : 1,
        size: nodeSize(n),
      })),
      ...elements.holders.map((h) => ({ id: h.id, weight: 0, size: HOLDER_SIZE })),
    ],
    edges: [...elements.edges, ...elements.holds].map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
    })),
    fixed,
    ...(centre ? { centre } : {}),
  };
}
