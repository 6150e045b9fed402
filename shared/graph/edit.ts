/**
 * The small view operations: hide and unhide, pin, change the filter, and read a state's
 * elements. Like every operation they return a new state and leave the old one valid.
 */
import type { GraphIndex } from './build-index';
import { settle } from './budget';
import { Draft, HIDDEN, parseRef } from './draft';
import type { ElementRef, FlowFilter, ViewResult, ViewState, VisibleElements } from './types';

/** What to draw for a state; folds on the fly (and says so) if the state exceeds its budget. */
export function visibleElements(index: GraphIndex, view: ViewState): VisibleElements {
  return settle(index, view).elements;
}

/** Takes nodes or whole collections off the screen; expansions skip them until `unhide`. */
export function hide(index: GraphIndex, view: ViewState, refs: readonly ElementRef[]): ViewResult {
  const draft = new Draft(index, view);
  for (const ref of refs) {
    const r = parseRef(ref);
    if ('node' in r) {
      const at = draft.placement[r.node];
      if (at === undefined) continue;
      if (at >= 0) draft.removeMembers(at, new Set([r.node]));
      draft.remove(r.node, HIDDEN);
    } else {
      const found = draft.collection(r.collection);
      if (found) draft.dropCollection(found.slot, HIDDEN);
    }
  }
  return settle(index, draft.finish());
}

/** Brings hidden nodes back on screen (all of them when `nodes` is omitted). */
export function unhide(index: GraphIndex, view: ViewState, nodes?: readonly number[]): ViewResult {
  const draft = new Draft(index, view);
  draft.show((nodes ?? view.hidden).filter((n) => draft.placement[n] === HIDDEN));
  return settle(index, draft.finish(), nodes ?? []);
}

/** Pins (or unpins) nodes and collections: the budget never folds a pinned node. */
export function pin(
  index: GraphIndex,
  view: ViewState,
  refs: readonly ElementRef[],
  pinned = true,
): ViewResult {
  const draft = new Draft(index, view);
  for (const ref of refs) {
    const r = parseRef(ref);
    if ('node' in r) {
      if (pinned) draft.pinned.add(r.node);
      else draft.pinned.delete(r.node);
    } else {
      const found = draft.collection(r.collection);
      if (found) draft.replaceCollection(found.slot, { ...found.c, pinned });
    }
  }
  return settle(index, draft.finish());
}

/** Same nodes and collections, other transfers counted: totals, edges and budget follow. */
export function setFilter(index: GraphIndex, view: ViewState, filter: FlowFilter): ViewResult {
  return settle(index, { ...view, filter });
}

/** The ledger nodes behind on-screen elements (a collection stands for its members). */
export function nodesOf(view: ViewState, refs: readonly ElementRef[]): number[] {
  const nodes = new Set<number>();
  for (const ref of refs) {
    const r = parseRef(ref);
    if ('node' in r) nodes.add(r.node);
    else for (const m of view.collections.find((c) => c.id === r.collection)?.members ?? []) nodes.add(m);
  }
  return [...nodes].sort((a, b) => a - b);
}

/** Draws the holders of several shown places, or stops drawing them; places and flows stay. */
export function showHolders(index: GraphIndex, view: ViewState, show: boolean): ViewResult {
  return settle(index, { ...view, showHolders: show });
}
