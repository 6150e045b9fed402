import { describe, expect, it } from 'vitest';
import { syntheticLedger } from '../ledger/synthetic';
import { buildGraphIndex } from './build-index';
import { allPaths, shortestPath } from './paths';
import { card, ledgerOf, type TransferSpec } from './test-ledger';

const [A, B, C, D, F, E] = [0, 1, 2, 3, 4, 5];
const nodes = [1, 2, 3, 4, 5, 6].map((i) => ({ key: card(i) }));
// A → B → C is short but goes back in time (B paid C before A paid B);
// A → D → F → C is longer and keeps time order; C → E follows.
const base: TransferSpec[] = [
  { from: A, to: B, at: 100, amountMinor: 1 },
  { from: B, to: C, at: 50, amountMinor: 2 },
  { from: A, to: D, at: 10, amountMinor: 3 },
  { from: D, to: F, at: 20, amountMinor: 4 },
  { from: F, to: C, at: 60, amountMinor: 5 },
  { from: C, to: E, at: 70, amountMinor: 6 },
];
const index = buildGraphIndex(ledgerOf(nodes, base));
const transfer = (from: number, to: number, at: number) =>
  index.ledger.transfers.find((t) => t.from === from && t.to === to && t.at === at)?.id;

describe('shortestPath', () => {
  it('takes the fewest hops when time does not matter', () => {
    const path = shortestPath(index, A, C);
    expect(path?.nodes).toEqual([A, B, C]);
    expect(path?.hops.map((h) => h.transfers)).toEqual([[transfer(A, B, 100)], [transfer(B, C, 50)]]);
  });

  it('refuses a path that goes back in time and finds the one that keeps order', () => {
    const path = shortestPath(index, A, C, { timeRespecting: true });
    expect(path?.nodes).toEqual([A, D, F, C]);
    expect(path?.hops.map((h) => h.transfers)).toEqual([
      [transfer(A, D, 10)],
      [transfer(D, F, 20)],
      [transfer(F, C, 60)],
    ]);
    expect(shortestPath(index, A, C, { timeRespecting: true, maxHops: 2 })).toBeNull();
  });

  it('judges time by each transfer, not by the edge', () => {
    // A later B → C transfer makes the short path possible, using that transfer.
    const later = buildGraphIndex(ledgerOf(nodes, [...base, { from: B, to: C, at: 150, amountMinor: 7 }]));
    const path = shortestPath(later, A, C, { timeRespecting: true });
    expect(path?.nodes).toEqual([A, B, C]);
    expect(path?.hops[1]?.transfers.map((t) => later.ledger.transfers[t]?.at)).toEqual([150]);
  });

  it('lets equal times pass (statements that give only the date)', () => {
    const sameDay = buildGraphIndex(
      ledgerOf(nodes.slice(0, 3), [
        { from: 0, to: 1, at: 5, amountMinor: 1 },
        { from: 1, to: 2, at: 5, amountMinor: 1 },
      ]),
    );
    expect(shortestPath(sameDay, 0, 2, { timeRespecting: true })?.nodes).toEqual([0, 1, 2]);
  });

  it('walks against the money only when undirected', () => {
    expect(shortestPath(index, C, A)).toBeNull();
    const path = shortestPath(index, C, A, { directed: false });
    expect(path?.nodes).toEqual([C, B, A]);
    expect(path?.hops[0]).toEqual({ from: C, to: B, transfers: [transfer(B, C, 50)] });
  });

  it('honours the filter', () => {
    expect(shortestPath(index, A, C, { filter: { minAmountMinor: { KZT: 3 } } })?.nodes).toEqual([
      A,
      D,
      F,
      C,
    ]);
  });
});

describe('allPaths', () => {
  it('lists every simple path, shortest first', () => {
    const { paths, complete } = allPaths(index, A, E);
    expect(complete).toBe(true);
    expect(paths.map((p) => p.nodes)).toEqual([
      [A, B, C, E],
      [A, D, F, C, E],
    ]);
  });

  it('drops the paths that go back in time', () => {
    const { paths } = allPaths(index, A, E, { timeRespecting: true });
    expect(paths.map((p) => p.nodes)).toEqual([[A, D, F, C, E]]);
    expect(paths[0]?.hops.map((h) => h.transfers.length)).toEqual([1, 1, 1, 1]);
  });

  it('stops at maxHops and maxPaths and says when it stopped early', () => {
    expect(allPaths(index, A, E, { maxHops: 3 }).paths.map((p) => p.nodes)).toEqual([[A, B, C, E]]);
    const capped = allPaths(index, A, E, { maxPaths: 1 });
    expect(capped.paths).toHaveLength(1);
    expect(capped.complete).toBe(false);
  });

  it('finds undirected paths once per node sequence', () => {
    const { paths } = allPaths(index, E, A, { directed: false });
    expect(paths.map((p) => p.nodes)).toEqual([
      [E, C, B, A],
      [E, C, F, D, A],
    ]);
  });

  it('follows drop money to an organizer in a synthetic shop, in time order', () => {
    const ledger = syntheticLedger({ transfers: 20_000 });
    const ix = buildGraphIndex(ledger);
    const drop = ledger.roles.drops[0]!;
    const path = shortestPath(ix, drop, ledger.roles.organizers[0]!, { timeRespecting: true });
    expect(path?.nodes.length).toBe(5); // drop, collector, exchange, wallet, organizer
    const times = path!.hops.map((h) => ledger.transfers[h.transfers[0]!]!.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const { paths } = allPaths(ix, drop, ledger.roles.organizers[0]!, { timeRespecting: true, maxPaths: 5 });
    expect(paths.length).toBeGreaterThan(0);
  });
});
