import { describe, expect, it } from 'vitest';
import { syntheticLedger } from '../ledger/synthetic';
import { buildGraphIndex } from './build-index';
import { hide, pin, setFilter, unhide, visibleElements } from './edit';
import { expand, openView, show } from './expand';
import { dropLedger, HOUR, ledgerOf, T0 } from './test-ledger';
import type { CollectionNode, EntityNode, ViewResult, VisibleElements } from './types';

const entities = (els: VisibleElements) => els.nodes.filter((n): n is EntityNode => n.type === 'entity');
const collections = (els: VisibleElements) =>
  els.nodes.filter((n): n is CollectionNode => n.type === 'collection');
const size = (els: VisibleElements) => els.nodes.length + els.edges.length;

/** Freezes a state all the way down, so any operation that mutates it throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('openView', () => {
  const index = buildGraphIndex(dropLedger(2_000));

  it('shows a drop with 2,000 buyers as one collection node plus its forwards', () => {
    const { elements } = openView(index, { seeds: [0] });
    const [buyers] = collections(elements);
    expect(collections(elements)).toHaveLength(1);
    expect(buyers).toMatchObject({
      count: 2_000,
      kinds: { account: 2_000 },
      collection: { anchor: 0, side: 'in' },
    });
    expect(buyers?.anchorFlow?.count).toBe(2_000);
    expect(buyers?.anchorFlow?.money.KZT).toBe(entities(elements)[0]?.in.KZT);
    expect(entities(elements).map((n) => n.node)).toEqual([0, 1]);
    expect(elements.edges.map((e) => e.id).sort()).toEqual([`${buyers?.id}>n0`, 'n0>n1']);
    expect(elements.edges.find((e) => e.id === 'n0>n1')?.count).toBe(10);
  });

  it('labels entity nodes with identifier, holder, kind and flows', () => {
    const drop = entities(openView(index, { seeds: [0] }).elements)[0];
    expect(drop).toMatchObject({
      idKind: 'card',
      value: '4400000000000001',
      holder: 'Drop One',
      kind: 'account',
      seed: true,
    });
    expect(drop?.out.KZT).toBe(drop?.in.KZT);
    expect(drop).toMatchObject({ hiddenIn: 0, hiddenOut: 0 });
  });

  it('shows few neighbours one by one', () => {
    const small = buildGraphIndex(dropLedger(20));
    const { elements } = openView(small, { seeds: [0] });
    expect(collections(elements)).toHaveLength(0);
    expect(entities(elements)).toHaveLength(22);
  });

  it('gives the same view for the same ledger, every time', () => {
    const again = buildGraphIndex(dropLedger(2_000));
    expect(openView(again, { seeds: [0] }, { hops: 2 })).toEqual(
      openView(index, { seeds: [0] }, { hops: 2 }),
    );
  });

  it('opens from a search', () => {
    const { view } = openView(index, { search: '4400 0000 0000 0002' });
    expect(view.seeds).toEqual([1]);
  });

  it('expands several hops and follows the converted money to the wallet', () => {
    const { elements } = openView(index, { seeds: [0] }, { hops: 3, direction: 'out' });
    expect(entities(elements).map((n) => n.node)).toEqual([0, 1, 2, 3]);
    expect(elements.edges.find((e) => e.id === 'n1>n2')?.received.USDT).toBeGreaterThan(0);
  });

  it('never counts a neighbour already on screen as loose: it comes as itself', () => {
    // Buyer 4 also pays the collector directly: a bridge between the two.
    const ledger = dropLedger(100);
    const bridged = ledgerOf(
      ledger.nodes.map((n) => ({ key: n.key, kind: n.kind })),
      [...ledger.transfers, { ...ledger.transfers[0]!, to: 1, at: T0 + 5 * HOUR }],
    );
    const ix = buildGraphIndex(bridged);
    const first = openView(ix, { seeds: [1] }, { direction: 'in' });
    const { elements } = expand(ix, first.view, 0, { direction: 'in' });
    expect(entities(elements).map((n) => n.node)).toContain(4);
    expect(collections(elements)[0]?.count).toBe(99);
  });
});

describe('neighbours that touch other things on screen', () => {
  // 60 customers of two shops: expanding one shop while the other is on screen.
  const customers = Array.from({ length: 60 }, (_, i) => ({ key: `card:44000000000${1000 + i}` }));
  const shops = ledgerOf(
    [{ key: 'name:Shop A', kind: 'merchant' }, { key: 'name:Shop B', kind: 'merchant' }, ...customers],
    customers.flatMap((_, i) => [
      { from: 2 + i, to: 0, at: T0 + i, amountMinor: 100_00 + i },
      { from: 2 + i, to: 1, at: T0 + 100 + i, amountMinor: 100_00 },
    ]),
  );
  const ix = buildGraphIndex(shops);

  it('come one by one up to the threshold, the rest as a connected collection', () => {
    const both = openView(ix, { seeds: [0, 1] }, { hops: 0 });
    const { elements } = expand(ix, both.view, 0, { direction: 'in' });
    expect(entities(elements)).toHaveLength(2 + 25);
    const [rest] = collections(elements);
    expect(rest).toMatchObject({ count: 35, collection: { anchor: 0, side: 'in', connected: true } });
    // Its edges still show what the members touch.
    expect(elements.edges.filter((e) => e.source === rest?.id).map((e) => e.target)).toEqual(['n0', 'n1']);
  });

  it('are loose when the other shop is not on screen', () => {
    const { elements } = openView(ix, { seeds: [0] }, { direction: 'in' });
    expect(collections(elements)[0]?.count).toBe(60);
    expect(collections(elements)[0]?.collection.connected).toBeUndefined();
  });
});

describe('budget', () => {
  it('keeps the default view of any synthetic seed within 2,000 elements', () => {
    const ledger = syntheticLedger({ transfers: 60_000 });
    const ix = buildGraphIndex(ledger);
    const { roles } = ledger;
    const seeds = [
      ...roles.drops.slice(0, 3),
      ...roles.collectors,
      roles.exchange,
      ...roles.wallets,
      ...roles.organizers,
      ...roles.merchants.slice(0, 3),
      ...roles.buyers.slice(0, 3),
    ];
    for (const seed of seeds)
      expect(size(openView(ix, { seeds: [seed] }).elements)).toBeLessThanOrEqual(2_000);
    const deep = openView(ix, { seeds: [roles.exchange] }, { hops: 3 });
    expect(size(deep.elements)).toBeLessThanOrEqual(2_000);
  });

  it('folds into collections and says so when a view would exceed maxElements', () => {
    const ledger = syntheticLedger({ transfers: 20_000, drops: 12 });
    const ix = buildGraphIndex(ledger);
    const { elements, view } = openView(ix, { seeds: ledger.roles.collectors }, { hops: 3, maxElements: 60 });
    expect(size(elements)).toBeLessThanOrEqual(60);
    expect(elements.truncated?.folded).toBeGreaterThan(0);
    expect(elements.truncated?.message).toMatch(/within 60 elements/);
    for (const c of ledger.roles.collectors) expect(view.nodes).toContain(c);
  });

  it('cuts the drawing when pins and seeds alone exceed the budget', () => {
    const ix = buildGraphIndex(dropLedger(30));
    const { view } = openView(ix, { seeds: [0] });
    const tiny = { ...view, maxElements: 3, seeds: view.nodes };
    const els = visibleElements(ix, tiny);
    expect(size(els)).toBeLessThanOrEqual(3);
    expect(els.truncated?.dropped).toBeGreaterThan(0);
  });
});

describe('operations are immutable', () => {
  const index = buildGraphIndex(dropLedger(200));

  it('leaves every earlier state valid, so undo is the previous state', () => {
    const history: ViewResult[] = [openView(index, { seeds: [1] }, { direction: 'out' })];
    const step = (next: (r: ViewResult) => ViewResult) => {
      const before = JSON.stringify(history.at(-1)!.view);
      deepFreeze(history.at(-1)!.view);
      history.push(next(history.at(-1)!));
      expect(JSON.stringify(history.at(-2)!.view)).toBe(before);
    };
    step((r) => expand(index, r.view, 1, { direction: 'in' }));
    step((r) => expand(index, r.view, 0, { direction: 'in' }));
    step((r) => pin(index, r.view, [0]));
    step((r) => hide(index, r.view, [2]));
    step((r) => setFilter(index, r.view, { minAmountMinor: { KZT: 30_000_00 } }));
    for (const r of history) expect(visibleElements(index, r.view)).toEqual(r.elements);
    expect(entities(history[3]!.elements).find((n) => n.node === 0)?.pinned).toBe(true);
  });

  it('saves as JSON and carries on from the saved copy', () => {
    const opened = openView(index, { seeds: [0] }, { filter: { since: T0 } });
    const saved = JSON.parse(JSON.stringify(opened.view)) as typeof opened.view;
    expect(visibleElements(index, saved)).toEqual(opened.elements);
    const buyers = collections(opened.elements)[0]!.id;
    expect(expand(index, saved, buyers).view).toEqual(expand(index, opened.view, buyers).view);
  });

  it('hides, unhides and shows nodes', () => {
    const opened = openView(index, { seeds: [0] });
    const hidden = hide(index, opened.view, [1]);
    expect(hidden.view.hidden).toEqual([1]);
    expect(entities(hidden.elements).map((n) => n.node)).toEqual([0]);
    // An expansion skips hidden nodes.
    expect(entities(expand(index, hidden.view, 0).elements).map((n) => n.node)).toEqual([0]);
    expect(entities(unhide(index, hidden.view).elements).map((n) => n.node)).toEqual([0, 1]);
    const buyers = collections(opened.elements)[0]!.id;
    const noBuyers = hide(index, opened.view, [buyers]);
    expect(noBuyers.view.hidden).toHaveLength(200);
    expect(entities(show(index, noBuyers.view, [4]).elements).map((n) => n.node)).toEqual([0, 1, 4]);
  });

  it('recounts totals under a new filter without changing what is shown', () => {
    const opened = openView(index, { seeds: [0] });
    const since = T0 + 5 * 24 * HOUR;
    const filtered = setFilter(index, opened.view, { since });
    expect(filtered.view.nodes).toEqual(opened.view.nodes);
    const edge = filtered.elements.edges.find((e) => e.id === 'n0>n1');
    expect(edge?.count).toBe(5);
    expect(edge?.first).toBeGreaterThanOrEqual(since);
  });
});
