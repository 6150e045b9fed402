import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from './build-index';
import { collapse, expandCollection, filterCollection, group, splitCollection } from './collections';
import { expand, openView } from './expand';
import { nodesOf } from './edit';
import { DAY, dropLedger, T0 } from './test-ledger';
import type { CollectionNode, EntityNode, VisibleElements } from './types';

const entities = (els: VisibleElements) => els.nodes.filter((n): n is EntityNode => n.type === 'entity');
const collections = (els: VisibleElements) =>
  els.nodes.filter((n): n is CollectionNode => n.type === 'collection');
const size = (els: VisibleElements) => els.nodes.length + els.edges.length;
const kzt = (c: CollectionNode | undefined) => c?.anchorFlow?.money.KZT ?? 0;

const index = buildGraphIndex(dropLedger(100));
const opened = openView(index, { seeds: [0] });
const buyers = collections(opened.elements)[0]!;

describe('expandCollection', () => {
  it('shows every member with its own edge when the budget allows', () => {
    const { view, elements } = expandCollection(index, opened.view, buyers.id);
    expect(view.collections).toHaveLength(0);
    expect(entities(elements)).toHaveLength(102);
    expect(elements.edges.filter((e) => e.target === 'n0')).toHaveLength(100);
    expect(elements.truncated).toBeUndefined();
  });

  it('is what expand() does with a collection id', () => {
    expect(expand(index, opened.view, buyers.id).view.nodes).toHaveLength(102);
  });

  it('takes the biggest payers first and leaves the rest when the budget is short', () => {
    const tight = openView(index, { seeds: [0] }, { maxElements: 60 });
    const { view, elements } = expandCollection(index, tight.view, collections(tight.elements)[0]!.id);
    expect(size(elements)).toBeLessThanOrEqual(60);
    const rest = collections(elements)[0]!;
    expect(elements.truncated?.leftInCollection).toBe(rest.count);
    const shown = entities(elements).filter((n) => n.node >= 4);
    expect(shown.length + rest.count).toBe(100);
    // Buyer i pays 10,000 ₸ × (i % 5 + 1): all twenty 50,000 ₸ payers come out first, then 40,000 ₸.
    const amounts = shown.map((n) => n.out.KZT ?? 0);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(amounts.filter((a) => a === 50_000_00)).toHaveLength(20);
    expect(amounts.at(-1)).toBe(40_000_00);
    expect(view.nodes.slice(0, 2)).toEqual([0, 1]);
  });
});

describe('splitCollection', () => {
  it('splits by amount into parts that add up to the whole', () => {
    const { elements } = splitCollection(index, opened.view, buyers.id, { by: 'amount', buckets: 5 });
    const parts = collections(elements);
    expect(parts).toHaveLength(5);
    expect(parts.map((p) => p.count)).toEqual([20, 20, 20, 20, 20]);
    expect(parts.reduce((s, p) => s + kzt(p), 0)).toBe(kzt(buyers));
    expect(parts[0]?.collection.slice).toMatchObject({
      by: 'amount',
      lo: 10_000_00,
      hi: 20_000_00,
      currency: 'KZT',
    });
    expect(parts.every((p) => p.collection.anchor === 0 && p.collection.side === 'in')).toBe(true);
  });

  it('splits by date at given boundaries, each part expandable', () => {
    const bounds = [T0 + 3 * DAY, T0 + 7 * DAY];
    const split = splitCollection(index, opened.view, buyers.id, { by: 'date', buckets: bounds });
    const parts = collections(split.elements);
    expect(parts.map((p) => p.count)).toEqual([30, 40, 30]);
    expect(parts[1]?.first).toBeGreaterThanOrEqual(bounds[0]!);
    const opened2 = expandCollection(index, split.view, parts[0]!.id);
    expect(collections(opened2.elements)).toHaveLength(2);
    expect(entities(opened2.elements)).toHaveLength(32);
  });

  it('keeps members whose flows the filter removed apart', () => {
    const view = { ...opened.view, filter: { since: T0 + 5 * DAY } };
    const parts = collections(splitCollection(index, view, buyers.id, { by: 'amount', buckets: 2 }).elements);
    expect(parts.at(-1)?.collection.label).toBe('no passing flows');
    expect(parts.at(-1)?.count).toBe(50);
  });
});

describe('filterCollection, collapse, group', () => {
  it('pulls the members that pass a filter into their own collection', () => {
    const { elements } = filterCollection(index, opened.view, buyers.id, {
      minAmountMinor: { KZT: 40_000_00 },
    });
    const [rest, big] = collections(elements);
    expect(big?.count).toBe(40);
    expect(rest?.count).toBe(60);
    expect(big?.collection.slice).toEqual({ by: 'filter', filter: { minAmountMinor: { KZT: 40_000_00 } } });
  });

  it('folds expanded leaves back into the collection they came from', () => {
    const expanded = expandCollection(index, opened.view, buyers.id);
    const { view, elements } = collapse(index, expanded.view, 0, { side: 'in' });
    expect(view.nodes).toEqual([0, 1]);
    expect(collections(elements)[0]).toMatchObject({ count: 100, collection: { anchor: 0, side: 'in' } });
    // Both sides: the collector is a leaf of the drop too.
    expect(collapse(index, expanded.view, 0).view.nodes).toEqual([0]);
  });

  it('groups a selection into one node, and nodesOf lists it back', () => {
    const expanded = expandCollection(index, opened.view, buyers.id);
    const { view, elements } = group(index, expanded.view, ['n4', 5, 6], 'Suspected mules');
    const made = collections(elements)[0]!;
    expect(made).toMatchObject({
      count: 3,
      collection: { origin: 'group', label: 'Suspected mules', kind: 'account' },
    });
    expect(nodesOf(view, [made.id, 0])).toEqual([0, 4, 5, 6]);
    expect(elements.edges.find((e) => e.source === made.id)?.count).toBe(3);
  });
});
