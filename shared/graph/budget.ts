/**
 * The element budget. When a state would show more than `maxElements` nodes plus edges (holders
 * and their holds links included), nodes are folded into collections, gentlest first: nodes with
 * exactly the same visible neighbours (they look alike on screen anyway), then the newest nodes
 * by kind, then collections of one kind merged. Seeds, pins and what the investigator just asked
 * for are folded last, never by the first two steps. Whatever happened is reported in `truncated`.
 */
import type { GraphIndex } from './build-index';
import { nodeKindOf } from './build-index';
import { Draft } from './draft';
import { elementCount, render, type Rendered } from './render';
import type { NodeKind } from '../ledger/types';
import { HOLDER_MIN_PLACES } from './holders';
import type {
  Direction,
  HolderNode,
  HoldsEdge,
  Truncation,
  ViewResult,
  ViewState,
  VisibleElements,
} from './types';

interface Step {
  view: ViewState;
  folded: number;
  collections: string[];
}

type Phase = (
  index: GraphIndex,
  view: ViewState,
  r: Rendered,
  protect: Set<number>,
  excess: number,
) => Step | null;

/** Neighbour codes per entity element: element * 2 + (0: it pays them, 1: they pay it). */
function neighbourCodes(r: Rendered): number[][] {
  const codes: number[][] = Array.from({ length: r.entityCount }, () => []);
  for (let k = 0; k < r.edgeEnds.length; k += 2) {
    const a = r.edgeEnds[k] as number;
    const b = r.edgeEnds[k + 1] as number;
    if (a === b) continue;
    if (a < r.entityCount) codes[a]?.push(b * 2);
    if (b < r.entityCount) codes[b]?.push(a * 2 + 1);
  }
  return codes;
}

const foldAlike: Phase = (index, view, r, protect, excess) => {
  const codes = neighbourCodes(r);
  const groups = new Map<string, number[]>();
  view.nodes.forEach((n, i) => {
    if (protect.has(n)) return;
    const sig = `${nodeKindOf(index, n)}|${(codes[i] ?? []).sort((a, b) => a - b).join(',')}`;
    const g = groups.get(sig);
    if (g) g.push(i);
    else groups.set(sig, [i]);
  });
  const ranked = [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({ g, saving: (g.length - 1) * (1 + (codes[g[0] as number]?.length ?? 0)) }))
    .sort((a, b) => b.saving - a.saving || (a.g[0] as number) - (b.g[0] as number));
  if (ranked.length === 0) return null;
  const draft = new Draft(index, view);
  const made: string[] = [];
  let saved = 0;
  let folded = 0;
  for (const { g, saving } of ranked) {
    if (saved >= excess) break;
    const members = g.map((i) => view.nodes[i] as number);
    const kind = nodeKindOf(index, members[0] as number);
    const sides = codes[g[0] as number] ?? [];
    const near = new Set(sides.map((code) => code >> 1));
    const only = near.size === 1 ? (sides[0] as number) >> 1 : -1;
    if (only >= 0 && only < r.entityCount) {
      const anchor = view.nodes[only] as number;
      const side: Direction = sides.length === 2 ? 'both' : (sides[0] as number) % 2 === 0 ? 'in' : 'out';
      const slot = draft.slotFor(anchor, side, kind);
      if (slot >= 0) {
        draft.grow(slot, members);
        made.push((draft.slots[slot] as { id: string }).id);
      } else made.push(draft.addCollection({ origin: 'budget', members, anchor, side, kind }).id);
    } else made.push(draft.addCollection({ origin: 'budget', members, kind }).id);
    saved += saving;
    folded += members.length;
  }
  return { view: draft.finish(), folded, collections: made };
};

const foldNewest: Phase = (index, view, r, protect, excess) => {
  const codes = neighbourCodes(r);
  const byKind = new Map<NodeKind, number[]>();
  let saved = 0;
  for (let i = view.nodes.length - 1; i >= 0 && saved < excess; i--) {
    const n = view.nodes[i] as number;
    if (protect.has(n)) continue;
    const kind = nodeKindOf(index, n);
    const list = byKind.get(kind);
    if (list) list.push(n);
    else byKind.set(kind, [n]);
    saved += 1 + (codes[i]?.length ?? 0) / 2;
  }
  if (byKind.size === 0) return null;
  const draft = new Draft(index, view);
  const made: string[] = [];
  let folded = 0;
  for (const members of byKind.values()) {
    const kind = nodeKindOf(index, members[0] as number);
    const slot = draft.slots.findIndex(
      (c) => c?.origin === 'budget' && c.anchor === undefined && c.kind === kind,
    );
    if (slot >= 0) {
      draft.grow(slot, members);
      made.push(draft.slots[slot]?.id ?? '');
    } else made.push(draft.addCollection({ origin: 'budget', members, kind }).id);
    folded += members.length;
  }
  return { view: draft.finish(), folded, collections: made };
};

const mergeCollections: Phase = (index, view) => {
  const byKind = new Map<NodeKind | undefined, number[]>();
  view.collections.forEach((c, slot) => {
    if (c.pinned) return;
    byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), slot]);
  });
  const mergeable = [...byKind.entries()].filter(([, slots]) => slots.length > 1);
  if (mergeable.length === 0) return null;
  const draft = new Draft(index, view);
  const made: string[] = [];
  for (const [kind, slots] of mergeable) {
    const members = slots.flatMap((s) => view.collections[s]?.members ?? []);
    for (const s of slots) draft.dropCollection(s, -1);
    made.push(draft.addCollection({ origin: 'budget', members, ...(kind ? { kind } : {}) }).id);
  }
  return { view: draft.finish(), folded: 0, collections: made };
};

/**
 * Last resort: seeds and pins alone exceed the budget; cut the drawing, not the state. Holders
 * go first: they only say who holds what, and only if two of their places stay drawn.
 */
function cut(
  r: VisibleElements,
  max: number,
  protect: Set<number>,
): { elements: VisibleElements; dropped: number } {
  const first = r.nodes.filter((n) => n.type === 'entity' && protect.has(n.node));
  const rest = r.nodes.filter((n) => !(n.type === 'entity' && protect.has(n.node)));
  const nodes = [...first, ...rest].slice(0, max);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = r.edges
    .filter((e) => kept.has(e.source) && kept.has(e.target))
    .sort((a, b) => b.count - a.count)
    .slice(0, max - nodes.length);
  let room = max - nodes.length - edges.length;
  const holders: HolderNode[] = [];
  const holds: HoldsEdge[] = [];
  for (const holder of r.holders) {
    const links = r.holds.filter((l) => l.source === holder.id && kept.has(l.target));
    if (links.length < HOLDER_MIN_PLACES || 1 + links.length > room) continue;
    holders.push({ ...holder, places: links.map((l) => l.node) });
    holds.push(...links);
    room -= 1 + links.length;
  }
  const elements = { nodes, edges, holders, holds };
  return { elements, dropped: elementCount(r) - elementCount(elements) };
}

function strip(r: Rendered): VisibleElements {
  return { nodes: r.nodes, edges: r.edges, holders: r.holders, holds: r.holds };
}

/**
 * Renders `view`, folding until it fits the budget. `focus`: nodes the operation was about
 * (the node expanded, the members taken out of a collection), kept like seeds and pins.
 */
export function settle(
  index: GraphIndex,
  view: ViewState,
  focus: Iterable<number> = [],
  leftInCollection = 0,
): ViewResult {
  const max = view.maxElements;
  let r = render(index, view);
  if (elementCount(r) <= max && leftInCollection === 0) return { view, elements: strip(r) };
  const protect = new Set([...view.seeds, ...view.pinned, ...focus]);
  const phases: Phase[] = [foldAlike, foldNewest, mergeCollections];
  let state = view;
  let folded = 0;
  const made = new Set<string>();
  for (const phase of phases) {
    for (let round = 0; round < 6 && elementCount(r) > max; round++) {
      const step = phase(index, state, r, protect, elementCount(r) - max);
      if (!step) break;
      state = step.view;
      folded += step.folded;
      step.collections.forEach((id) => made.add(id));
      r = render(index, state);
    }
  }
  let elements = strip(r);
  let dropped = 0;
  if (elementCount(r) > max) ({ elements, dropped } = cut(r, max, protect));
  const collections = [...made].filter((id) => state.collections.some((c) => c.id === id));
  const truncated: Truncation = {
    folded,
    collections,
    leftInCollection,
    dropped,
    message: describe(folded, collections.length, leftInCollection, dropped, max),
  };
  return { view: state, elements: { ...elements, truncated } };
}

function describe(folded: number, collections: number, left: number, dropped: number, max: number): string {
  const parts: string[] = [];
  if (folded > 0) parts.push(`${folded} nodes folded into ${collections} collections`);
  if (left > 0) parts.push(`${left} members left in the collection`);
  if (dropped > 0) parts.push(`${dropped} elements not drawn`);
  return `${parts.join('; ') || 'collections merged'} to stay within ${max} elements`;
}
