/**
 * Opening a view and expanding nodes. The rule that keeps a drug-shop graph readable: when a
 * node's expansion would add more than `collectionThreshold` neighbours of one kind on one side
 * that touch nothing else on screen (1,240 buyer cards paying one drop), they arrive as one
 * collection node. Neighbours that do touch something else on screen always arrive one by one:
 * they are the bridges an investigator is looking for.
 */
import { forEachPair, nodeKindOf, type GraphIndex } from './build-index';
import { settle } from './budget';
import { Draft, ENTITY, FREE, HIDDEN, parseRef } from './draft';
import { compileFilter, pairPasses, type CompiledFilter } from './filter';
import { searchNodes } from './search';
import type { Direction, ElementRef, ViewOptions, ViewResult, ViewState } from './types';
import type { NodeKind } from '../ledger/types';
import { expandCollection } from './collections';

export const DEFAULT_COLLECTION_THRESHOLD = 25;
export const DEFAULT_MAX_ELEMENTS = 2000;

export interface ExpandOptions {
  direction?: Direction;
  /** How many steps out; each step expands the nodes the previous one added. Default 1. */
  hops?: number;
}

export function emptyView(options: ViewOptions = {}): ViewState {
  return {
    version: 1,
    filter: options.filter ?? {},
    collectionThreshold: options.collectionThreshold ?? DEFAULT_COLLECTION_THRESHOLD,
    maxElements: options.maxElements ?? DEFAULT_MAX_ELEMENTS,
    seeds: [],
    nodes: [],
    collections: [],
    hidden: [],
    pinned: [],
    nextCollection: 1,
    showHolders: options.showHolders ?? true,
  };
}

/**
 * A first view: the seeds (and the best search matches) with their neighbours `hops` out.
 */
export function openView(
  index: GraphIndex,
  start: { seeds?: readonly number[]; search?: string },
  options: ViewOptions = {},
): ViewResult {
  const found = start.search ? searchNodes(index, start.search) : [];
  const best = found.filter((h) => h.rank === found[0]?.rank).slice(0, 10);
  const seeds = [...new Set([...(start.seeds ?? []), ...best.map((h) => h.node)])].filter(
    (n) => Number.isInteger(n) && n >= 0 && n < index.nodeCount,
  );
  const draft = new Draft(index, emptyView(options));
  draft.seeds = seeds;
  draft.show(seeds);
  for (const s of seeds) grow(draft, compileFilter(index, draft.base.filter), s, options);
  return settle(index, draft.finish(), seeds);
}

/** Shows more of the graph around `target` (a node; a collection id expands the collection). */
export function expand(
  index: GraphIndex,
  view: ViewState,
  target: ElementRef,
  options: ExpandOptions = {},
): ViewResult {
  const ref = parseRef(target);
  if ('collection' in ref) return expandCollection(index, view, ref.collection);
  const draft = new Draft(index, view);
  draft.show([ref.node]);
  // Only the node itself is protected from the budget: what the expansion brought is what may fold.
  grow(draft, compileFilter(index, view.filter), ref.node, options);
  return settle(index, draft.finish(), [ref.node]);
}

/** Puts nodes on screen as they are, without their neighbours (a search result, a trace). */
export function show(index: GraphIndex, view: ViewState, nodes: readonly number[]): ViewResult {
  const draft = new Draft(index, view);
  draft.show(nodes.filter((n) => n >= 0 && n < index.nodeCount));
  return settle(index, draft.finish(), nodes);
}

function grow(draft: Draft, f: CompiledFilter, node: number, options: ExpandOptions): number[] {
  const sides: ('in' | 'out')[] =
    options.direction === 'in' ? ['in'] : options.direction === 'out' ? ['out'] : ['in', 'out'];
  const added: number[] = [];
  let frontier = [node];
  for (let hop = 0; hop < (options.hops ?? 1); hop++) {
    const next: number[] = [];
    for (const u of frontier) for (const side of sides) next.push(...expandSide(draft, f, u, side));
    added.push(...next);
    frontier = next;
  }
  return added;
}

/** How many things on screen other than `u` `v` has a passing flow with (entities, collections). */
function touches(draft: Draft, f: CompiledFilter, u: number, v: number): number {
  const seen = new Set<number>();
  const check = (p: number, w: number): void => {
    if (w === u || w === v) return;
    const at = draft.placement[w] as number;
    if (at === FREE || at === HIDDEN) return;
    // Entities by node id, collections by slot (negative), so each counts once.
    const key = at === ENTITY ? w : -1 - at;
    if (!seen.has(key) && pairPasses(draft.index, f, p)) seen.add(key);
  };
  forEachPair(draft.index, v, 'out', check);
  forEachPair(draft.index, v, 'in', check);
  return seen.size;
}

/**
 * Adds the neighbours of `u` on one side; returns the ones that became entities. Per kind:
 * loose neighbours over the threshold become u's collection; neighbours that also touch other
 * things on screen come one by one, the best connected first, up to the threshold, and the
 * rest form a second collection (its edges still show what they touch), so expanding a shop
 * next to twenty other shops does not pour thousands of shared customers onto the screen.
 */
function expandSide(draft: Draft, f: CompiledFilter, u: number, side: 'in' | 'out'): number[] {
  const { index } = draft;
  const byKind = new Map<NodeKind, { loose: number[]; bridges: { v: number; touches: number }[] }>();
  forEachPair(index, u, side, (p, v) => {
    if (v === u || draft.placement[v] !== FREE || !pairPasses(index, f, p)) return;
    const kind = nodeKindOf(index, v);
    let group = byKind.get(kind);
    if (!group) byKind.set(kind, (group = { loose: [], bridges: [] }));
    const n = touches(draft, f, u, v);
    if (n === 0) group.loose.push(v);
    else group.bridges.push({ v, touches: n });
  });
  const added: number[] = [];
  const threshold = draft.base.collectionThreshold;
  for (const [kind, { loose, bridges }] of byKind) {
    // Once a collection holds these neighbours, later ones join it whatever their number.
    const slot = draft.slotFor(u, side, kind, false);
    if (slot >= 0) draft.grow(slot, loose);
    else if (loose.length > threshold)
      draft.addCollection({ origin: 'expand', members: loose, anchor: u, side, kind });
    else added.push(...loose);

    bridges.sort((a, b) => b.touches - a.touches || a.v - b.v);
    const shown = bridges.length > threshold ? bridges.slice(0, threshold) : bridges;
    added.push(...shown.map((b) => b.v));
    const rest = bridges.slice(shown.length).map((b) => b.v);
    const connected = draft.slotFor(u, side, kind, true);
    if (connected >= 0) draft.grow(connected, rest);
    else if (rest.length > 0)
      draft.addCollection({ origin: 'expand', members: rest, anchor: u, side, kind, connected: true });
  }
  added.sort((a, b) => a - b);
  draft.show(added);
  return added.filter((v) => draft.placement[v] === ENTITY);
}
