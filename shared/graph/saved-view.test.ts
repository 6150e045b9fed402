import { describe, expect, it } from 'vitest';
import { syntheticLedger } from '../ledger/synthetic';
import type { Ledger } from '../ledger/types';
import { keyedView, restoredView } from './saved-view';
import type { ViewState } from './types';

const ledger = syntheticLedger({ transfers: 2_000 });

/** The same places under other indexes, as a later import renumbers them. */
function renumbered(l: Ledger, drop: string[] = []): Ledger {
  const nodes = [...l.nodes]
    .reverse()
    .filter((n) => !drop.includes(n.key))
    .map((n, id) => ({ ...n, id }));
  return { ...l, nodes, nodeByKey: new Map(nodes.map((n) => [n.key, n.id])) };
}

const state: ViewState = {
  version: 1,
  filter: { since: 1 },
  collectionThreshold: 25,
  maxElements: 2000,
  seeds: [0],
  nodes: [0, 1, 2],
  collections: [{ id: 'c1', origin: 'neighbours', members: [3, 4], anchor: 0, side: 'in' } as never],
  hidden: [5],
  pinned: [1],
  nextCollection: 2,
};
const positions = { n0: { x: 1, y: 2 }, n1: { x: 3, y: 4 }, c1: { x: 5, y: 6 } };
const keyOf = (l: Ledger, id: number) => l.nodes[id]?.key;

describe('saved graph views by key', () => {
  it('reopen on the same places after the ledger is renumbered', () => {
    const saved = keyedView(ledger, state, positions);
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    const later = renumbered(ledger);
    const { state: back, positions: at, missing } = restoredView(later, saved.state, saved.positions);
    expect(missing).toBe(0);
    expect(back.nodes.map((id) => keyOf(later, id))).toEqual(state.nodes.map((id) => keyOf(ledger, id)));
    expect(back.hidden.map((id) => keyOf(later, id))).toEqual([keyOf(ledger, 5)]);
    expect(back.collections[0]?.members.map((id) => keyOf(later, id))).toEqual([
      keyOf(ledger, 3),
      keyOf(ledger, 4),
    ]);
    expect(keyOf(later, back.collections[0]?.anchor as number)).toBe(keyOf(ledger, 0));
    const first = later.nodeByKey.get(keyOf(ledger, 0) as string);
    expect(at[`n${first}`]).toEqual({ x: 1, y: 2 });
    expect(at.c1).toEqual({ x: 5, y: 6 });
  });

  it('leave out places that are gone and say how many', () => {
    const saved = keyedView(ledger, state, positions);
    const later = renumbered(ledger, [keyOf(ledger, 2) as string, keyOf(ledger, 4) as string]);
    const { state: back, missing } = restoredView(later, saved.state, saved.positions);
    expect(missing).toBe(2);
    expect(back.nodes).toHaveLength(2);
    expect(back.collections[0]?.members).toHaveLength(1);
  });

  it('open a view saved before keys (version 1) as it was', () => {
    expect(restoredView(ledger, state, positions)).toEqual({ state, positions, missing: 0 });
  });
});
