import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from './build-index';
import { settle } from './budget';
import { hide, showHolders, visibleElements } from './edit';
import { openView, show } from './expand';
import { holderLayer } from './holders';
import { shortestPath } from './paths';
import { elementCount } from './render';
import { card, DAY, HOUR, ledgerOf, T0, type NodeSpec, type TransferSpec } from './test-ledger';
import type { EntityNode, VisibleElements } from './types';

const IIN = '940510461793'; // a person (valid check digit)
const BIN = '040540001230'; // a company (valid check digit)
const entities = (els: VisibleElements) => els.nodes.filter((n): n is EntityNode => n.type === 'entity');

/**
 * A drop with a card and an IBAN the statements do not join (one person, two places), a shop
 * (a company with two accounts), two buyers who share a name but not an IIN, and a collector.
 * Node ids: 0 drop card, 1 drop IBAN, 2 collector, 3 shop account A, 4 shop account B,
 * 5 buyer "Иванова Асель", 6 buyer "ИВАНОВА  асель" (no IIN either), 7 buyer with the drop's
 * name but no IIN, 8 a payer nobody names.
 */
function caseLedger() {
  const nodes: NodeSpec[] = [
    { key: card(1), holder: 'Нурланова Айгерим', holderId: IIN, hasStatement: true },
    { key: 'iban:KZ03722KZT9395445379', holder: 'НУРЛАНОВА АЙГЕРИМ', holderId: IIN },
    { key: card(2), holder: 'Касымов Арман', holderId: '960305327059', hasStatement: true },
    { key: 'iban:KZ11111KZT0000000001', holder: 'ТОО «Ромашка»', holderId: BIN },
    { key: 'iban:KZ11111KZT0000000002', holder: 'ТОО Ромашка', holderId: BIN },
    { key: card(5), holder: 'Иванова Асель' },
    { key: card(6), holder: 'ИВАНОВА  асель' },
    { key: card(7), holder: 'Нурланова Айгерим' },
    { key: card(8) },
  ];
  const transfers: TransferSpec[] = [
    { from: 5, to: 0, at: T0 + HOUR, amountMinor: 15_000_00, files: ['drop-statement'] },
    { from: 6, to: 1, at: T0 + 2 * HOUR, amountMinor: 25_000_00, files: ['drop-statement'] },
    { from: 7, to: 0, at: T0 + 3 * HOUR, amountMinor: 45_000_00, files: ['drop-statement'] },
    { from: 8, to: 0, at: T0 + 4 * HOUR, amountMinor: 30_000_00, files: ['drop-statement'] },
    {
      from: 0,
      to: 2,
      at: T0 + 23 * HOUR,
      amountMinor: 100_000_00,
      files: ['drop-statement', 'collector-statement'],
    },
    { from: 1, to: 2, at: T0 + DAY, amountMinor: 20_000_00, files: ['collector-statement'] },
    { from: 2, to: 3, at: T0 + DAY + HOUR, amountMinor: 50_000_00, files: ['collector-statement'] },
    { from: 2, to: 4, at: T0 + DAY + 2 * HOUR, amountMinor: 40_000_00, files: ['collector-statement'] },
  ];
  return ledgerOf(nodes, transfers);
}

const index = buildGraphIndex(caseLedger());
const ALL = [0, 1, 2, 3, 4, 5, 6, 7, 8];

describe('holders on the graph', () => {
  it('draws one holder per IIN, with a holds link to each place they hold', () => {
    const { holders, holds } = holderLayer(index, [0, 1, 2]);
    expect(holders).toEqual([
      {
        type: 'holder',
        id: `h:iin:${IIN}`,
        key: `iin:${IIN}`,
        holderKind: 'person',
        names: ['НУРЛАНОВА АЙГЕРИМ', 'Нурланова Айгерим'],
        idNumber: IIN,
        places: [0, 1],
      },
    ]);
    expect(holds.map((l) => [l.id, l.source, l.target, l.node])).toEqual([
      [`h:iin:${IIN}>n0`, `h:iin:${IIN}`, 'n0', 0],
      [`h:iin:${IIN}>n1`, `h:iin:${IIN}`, 'n1', 1],
    ]);
  });

  it('tells a company by its BIN', () => {
    const [shop] = holderLayer(index, [3, 4]).holders;
    expect(shop).toMatchObject({ key: `bin:${BIN}`, holderKind: 'company', places: [3, 4] });
    expect(shop?.names).toEqual(['ТОО «Ромашка»', 'ТОО Ромашка']);
  });

  it('falls back to the folded name when no IIN is stated, and never joins a name to an IIN', () => {
    const { holders } = holderLayer(index, ALL);
    const byName = holders.find((h) => h.key === 'name:иванова асель');
    expect(byName).toMatchObject({ holderKind: 'unknown', places: [5, 6] });
    expect(byName?.idNumber).toBeUndefined();
    // Node 7 has the drop's name but no IIN: it is not drawn as the drop's, nor alone.
    expect(holders.find((h) => h.key === `iin:${IIN}`)?.places).toEqual([0, 1]);
    expect(holders.some((h) => h.places.includes(7))).toBe(false);
    // Node 8 names nobody: no holder is invented for it.
    expect(holders.some((h) => h.places.includes(8))).toBe(false);
    expect(holders.map((h) => h.key)).toEqual([`bin:${BIN}`, `iin:${IIN}`, 'name:иванова асель']);
  });

  it('draws a holder only when two or more of their places are on screen', () => {
    expect(holderLayer(index, [0, 2, 3]).holders).toEqual([]);
    const view = show(index, openView(index, { seeds: [] }).view, ALL).view;
    expect(visibleElements(index, view).holders).toHaveLength(3);
    const hidden = hide(index, view, [1]);
    expect(hidden.elements.holders.map((h) => h.key)).toEqual([`bin:${BIN}`, 'name:иванова асель']);
  });

  it('says which statement names the holder', () => {
    const holds = holderLayer(index, ALL).holds;
    const of = (n: number) => holds.find((l) => l.node === n)?.evidence;
    // The drop's card has its own statement: the header of the file all its rows come from.
    const file = (sha256: string) => ({ sha256, name: `${sha256}.xlsx` });
    expect(of(0)).toEqual({ from: 'header', files: [file('drop-statement')] });
    // The drop's IBAN is only seen as a counterparty, a row in each statement: in import order.
    expect(of(1)).toEqual({
      from: 'counterparty',
      files: [file('drop-statement'), file('collector-statement')],
    });
  });

  it('counts holders and their links towards the element budget', () => {
    const open = show(index, openView(index, { seeds: [] }).view, ALL);
    const all = open.elements;
    expect(elementCount(all)).toBe(
      all.nodes.length + all.edges.length + all.holders.length + all.holds.length,
    );
    expect(all.holders.length + all.holds.length).toBe(9);
    // A budget that fits the places and flows but not the holders folds or cuts, and says so.
    const tight = settle(index, { ...open.view, maxElements: all.nodes.length + all.edges.length });
    expect(elementCount(tight.elements)).toBeLessThanOrEqual(all.nodes.length + all.edges.length);
    expect(tight.elements.truncated).toBeDefined();
    // Every holder still drawn holds two places still drawn.
    const drawn = new Set(tight.elements.nodes.map((n) => n.id));
    for (const holder of tight.elements.holders) {
      const links = tight.elements.holds.filter((l) => l.source === holder.id);
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const l of links) expect(drawn.has(l.target)).toBe(true);
    }
  });

  it('is deterministic: the same places give the same holders, whatever their order', () => {
    const again = buildGraphIndex(caseLedger());
    expect(holderLayer(again, [...ALL].reverse())).toEqual(holderLayer(index, ALL));
    const view = show(index, openView(index, { seeds: [] }).view, ALL).view;
    expect(visibleElements(again, view)).toEqual(visibleElements(index, view));
  });

  it('takes no part in money: totals, flows and paths are the same with and without holders', () => {
    const on = show(index, openView(index, { seeds: [] }).view, ALL);
    const off = showHolders(index, on.view, false);
    expect(off.view.showHolders).toBe(false);
    expect(off.elements.holders).toEqual([]);
    expect(off.elements.holds).toEqual([]);
    expect(off.elements.nodes).toEqual(on.elements.nodes);
    expect(off.elements.edges).toEqual(on.elements.edges);
    // No money edge touches a holder.
    const holderIds = new Set(on.elements.holders.map((h) => h.id));
    expect(on.elements.edges.some((e) => holderIds.has(e.source) || holderIds.has(e.target))).toBe(false);
    expect(entities(on.elements).find((n) => n.node === 1)?.out.KZT).toBe(20_000_00);
    // The drop's card and IBAN share a holder, but no money went from one to the other: no path.
    expect(shortestPath(index, 0, 1, { directed: true })).toBeNull();
    expect(showHolders(index, off.view, true).elements).toEqual(on.elements);
  });

  it('draws holders in a new view by default and keeps the choice through operations', () => {
    const opened = openView(index, { seeds: [0] }, { hops: 1 });
    expect(opened.view.showHolders).toBe(true);
    expect(openView(index, { seeds: [0] }, { showHolders: false }).view.showHolders).toBe(false);
    // A state saved before holders existed has no field: it draws them.
    const { showHolders: _dropped, ...legacy } = show(index, opened.view, [1]).view;
    expect(visibleElements(index, legacy).holders.map((h) => h.key)).toEqual([`iin:${IIN}`]);
    const off = showHolders(index, opened.view, false).view;
    expect(show(index, off, [1]).view.showHolders).toBe(false);
  });
});
