/**
 * A graph view as it is saved with the case: places named by their key (`card:4400…`), not by
 * their index in the ledger. Indexes are renumbered whenever a statement is imported or an
 * identity decision changes the places, so a view saved by index would reopen on other places;
 * by key it reopens on the same ones, and a place that no longer exists is dropped and counted.
 */
import type { Ledger } from '../ledger/types';
import type { Collection, ViewState } from './types';

type Position = { x: number; y: number };

/** A graph view saved in a case: what the Graph tab showed and where each place stood. */
export interface SavedGraphView {
  id: string;
  name: string;
  /** By place key since views were keyed; version 1 (by ledger index) in views saved before. */
  state: ViewState | KeyedViewState;
  /** Cytoscape id (`k:<place key>`, a collection's id) → position. */
  positions: Record<string, Position>;
  layout: string;
  savedAt: number;
  actor: string;
}

/** `ViewState` with every node index replaced by the node's key. */
export interface KeyedViewState extends Omit<
  ViewState,
  'version' | 'seeds' | 'nodes' | 'hidden' | 'pinned' | 'collections'
> {
  readonly version: 2;
  readonly seeds: readonly string[];
  readonly nodes: readonly string[];
  readonly hidden: readonly string[];
  readonly pinned: readonly string[];
  readonly collections: readonly (Omit<Collection, 'members' | 'anchor'> & {
    members: readonly string[];
    anchor?: string;
  })[];
}

/** Positions are keyed by Cytoscape id: `n<index>` for a place, the collection's own id otherwise. */
const NODE_ID = /^n(\d+)$/;
const KEY_PREFIX = 'k:';

export function keyedView(
  ledger: Ledger,
  state: ViewState,
  positions: Record<string, Position>,
): { state: KeyedViewState; positions: Record<string, Position> } {
  const key = (id: number): string => {
    const node = ledger.nodes[id];
    if (!node) throw new Error(`the view names place ${id}, which the case does not have`);
    return node.key;
  };
  const keys = (ids: readonly number[]) => ids.map(key);
  const keyed: KeyedViewState = {
    ...state,
    version: 2,
    seeds: keys(state.seeds),
    nodes: keys(state.nodes),
    hidden: keys(state.hidden),
    pinned: keys(state.pinned),
    collections: state.collections.map(({ members, anchor, ...rest }) => ({
      ...rest,
      members: keys(members),
      ...(anchor !== undefined ? { anchor: key(anchor) } : {}),
    })),
  };
  const placed: Record<string, Position> = {};
  for (const [id, at] of Object.entries(positions)) {
    const match = NODE_ID.exec(id);
    placed[match ? `${KEY_PREFIX}${key(Number(match[1]))}` : id] = { x: at.x, y: at.y };
  }
  return { state: keyed, positions: placed };
}

/**
 * The saved view on today's ledger. A view saved before views were keyed (version 1) is taken
 * as it is; places whose key is gone are left out and counted in `missing`.
 */
export function restoredView(
  ledger: Ledger,
  saved: ViewState | KeyedViewState,
  positions: Record<string, Position>,
): { state: ViewState; positions: Record<string, Position>; missing: number } {
  if (saved.version === 1) return { state: saved, positions, missing: 0 };
  const gone = new Set<string>();
  const id = (key: string): number | undefined => {
    const found = ledger.nodeByKey.get(key);
    if (found === undefined) gone.add(key);
    return found;
  };
  const ids = (keys: readonly string[]) => keys.map(id).filter((n): n is number => n !== undefined);
  const collections: Collection[] = [];
  for (const { members, anchor, ...rest } of saved.collections) {
    const kept = ids(members);
    if (kept.length === 0) continue;
    const anchorId = anchor !== undefined ? id(anchor) : undefined;
    collections.push({ ...rest, members: kept, ...(anchorId !== undefined ? { anchor: anchorId } : {}) });
  }
  const state: ViewState = {
    ...saved,
    version: 1,
    seeds: ids(saved.seeds),
    nodes: ids(saved.nodes),
    hidden: ids(saved.hidden),
    pinned: ids(saved.pinned),
    collections,
  };
  const placed: Record<string, Position> = {};
  for (const [ref, at] of Object.entries(positions)) {
    if (!ref.startsWith(KEY_PREFIX)) placed[ref] = { x: at.x, y: at.y };
    else {
      const node = ledger.nodeByKey.get(ref.slice(KEY_PREFIX.length));
      if (node !== undefined) placed[`n${node}`] = { x: at.x, y: at.y };
    }
  }
  return { state, positions: placed, missing: gone.size };
}
