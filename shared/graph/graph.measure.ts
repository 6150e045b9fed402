/**
 * Timings of the graph model on synthetic drug-shop ledgers, printed as a table next to the floor
 * measured in the same run: one bare pass reading the transfer fields the index needs (no model
 * can build faster than it reads its input). Run it bundled, as the app ships:
 *
 *   node_modules/.bin/esbuild shared/graph/graph.measure.ts --bundle --platform=node --format=esm \
 *     --outfile=out/bench/graph.mjs && node --expose-gc out/bench/graph.mjs [transfers] [buyers]
 *
 * Not a test: no timing is asserted anywhere.
 */
import { syntheticLedger, type SyntheticLedger } from '../ledger/synthetic';
import { buildGraphIndex, type GraphIndex } from './build-index';
import { expandCollection } from './collections';
import { openView } from './expand';
import { allPaths, shortestPath } from './paths';
import { searchNodes } from './search';
import { timeline } from './timeline';
import type { ViewResult, ViewState } from './types';

interface Row {
  case: string;
  ms: number;
  elements?: number;
  note?: string;
}

function timed<T>(work: () => T): { value: T; ms: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const value = work();
  return { value, ms: performance.now() - t0 };
}

const size = (r: ViewResult): number => r.elements.nodes.length + r.elements.edges.length;

function floor(ledger: SyntheticLedger): number {
  return timed(() => {
    let sink = 0;
    for (const t of ledger.transfers)
      sink += t.from + t.to + t.at + t.amountMinor + t.currency.length + (t.evidence[0]?.sha256.length ?? 0);
    return sink;
  }).ms;
}

/** A view whose one collection has exactly `count` of the drop's buyers (the rest off screen). */
function collectionOf(view: ViewState, count: number): ViewState {
  const [c] = view.collections;
  if (!c) throw new Error('no collection to cut');
  return { ...view, collections: [{ ...c, members: c.members.slice(0, count) }] };
}

function measure(transfers: number, buyers: number | undefined): Row[] {
  const ledger = syntheticLedger({ transfers, ...(buyers ? { buyers } : {}) });
  const rows: Row[] = [];
  const label = `${ledger.nodes.length.toLocaleString('en-US')} nodes, ${ledger.transfers.length.toLocaleString('en-US')} transfers`;
  rows.push({ case: `floor: read every transfer once (${label})`, ms: floor(ledger) });
  const built = timed(() => buildGraphIndex(ledger));
  const index: GraphIndex = built.value;
  rows.push({
    case: 'buildGraphIndex',
    ms: built.ms,
    note: `${index.pairCount.toLocaleString('en-US')} pairs`,
  });

  const drop = ledger.roles.drops[0] as number;
  const first = timed(() => openView(index, { seeds: [drop] }));
  rows.push({ case: 'openView(drop), first after build', ms: first.ms, elements: size(first.value) });
  rows.push({ case: '= build + openView(drop)', ms: built.ms + first.ms });

  let worst = { ms: 0, elements: 0, seed: '' };
  const seeds: [string, number][] = [
    ...ledger.roles.drops.slice(0, 10).map((n, i): [string, number] => [`drop ${i}`, n]),
    ...ledger.roles.collectors.slice(0, 3).map((n, i): [string, number] => [`collector ${i}`, n]),
    ['exchange', ledger.roles.exchange],
    ['wallet 0', ledger.roles.wallets[0] as number],
    ['organizer 0', ledger.roles.organizers[0] as number],
    ['merchant 0', ledger.roles.merchants[0] as number],
    ['busiest buyer', ledger.roles.buyers[0] as number],
  ];
  for (const [name, seed] of seeds) {
    const r = timed(() => openView(index, { seeds: [seed] }));
    if (r.ms > worst.ms) worst = { ...worst, ms: r.ms, seed: name };
    worst.elements = Math.max(worst.elements, size(r.value));
  }
  rows.push({
    case: `openView, slowest of ${seeds.length} seeds`,
    ms: worst.ms,
    elements: worst.elements,
    note: `slowest: ${worst.seed}; elements = largest view`,
  });

  const twoHops = timed(() => openView(index, { seeds: [drop] }, { hops: 2 }));
  rows.push({
    case: 'openView(drop, 2 hops)',
    ms: twoHops.ms,
    elements: size(twoHops.value),
    note: twoHops.value.elements.truncated?.message ?? '',
  });

  const opened = first.value;
  const members = opened.view.collections[0]?.members.length ?? 0;
  const thousand = collectionOf(opened.view, Math.min(1000, members));
  const id = thousand.collections[0]?.id ?? '';
  const partial = timed(() => expandCollection(index, thousand, id));
  rows.push({
    case: 'expandCollection(1,000 buyers), default budget',
    ms: partial.ms,
    elements: size(partial.value),
    note: `${partial.value.elements.truncated?.leftInCollection ?? 0} left in the collection`,
  });
  const roomy = { ...thousand, maxElements: 100_000 };
  const full = timed(() => expandCollection(index, roomy, id));
  rows.push({
    case: 'expandCollection(1,000 buyers), budget 100,000',
    ms: full.ms,
    elements: size(full.value),
  });

  const cardTyped = (ledger.nodes[drop]?.value ?? '').replace(/(\d{4})(?=\d)/g, '$1 ');
  const search = timed(() => searchNodes(index, cardTyped));
  rows.push({ case: `searchNodes('${cardTyped}')`, ms: search.ms, note: `${search.value.length} hits` });
  const holder = timed(() => searchNodes(index, 'collector 1'));
  rows.push({ case: "searchNodes('collector 1')", ms: holder.ms, note: `${holder.value.length} hits` });

  const organizer = ledger.roles.organizers[0] as number;
  const sp = timed(() => shortestPath(index, drop, organizer, { timeRespecting: true }));
  rows.push({
    case: 'shortestPath(drop → organizer, time-respecting)',
    ms: sp.ms,
    note: `${sp.value?.nodes.length ?? 0} nodes`,
  });
  const ap = timed(() =>
    allPaths(index, drop, organizer, { timeRespecting: true, maxHops: 6, maxPaths: 100 }),
  );
  rows.push({
    case: 'allPaths(drop → organizer, time-respecting, ≤6 hops)',
    ms: ap.ms,
    note: `${ap.value.paths.length} paths, complete: ${ap.value.complete}`,
  });
  const tl = timed(() => timeline(index, [drop, ledger.roles.collectors[0] as number], { buckets: 120 }));
  rows.push({
    case: 'timeline(drop + collector, 120 buckets)',
    ms: tl.ms,
    note: `${tl.value.count} transfers`,
  });
  return rows;
}

function print(title: string, rows: Row[]): void {
  const floorMs = rows[0]?.ms ?? 1;
  const table = rows.map((r) => [
    r.case,
    r.ms.toFixed(1),
    `${(r.ms / floorMs).toFixed(2)}×`,
    r.elements?.toLocaleString('en-US') ?? '',
    r.note ?? '',
  ]);
  const header = ['case', 'ms', 'ratio to floor', 'elements', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 || i === 4 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`,
  );
  for (const row of table) console.log(line(row));
}

const argv = (globalThis as { process?: { argv: string[] } }).process?.argv ?? [];
const transfers = Number(argv[2] ?? 1_000_000);
const buyers = argv[3] === undefined ? undefined : Number(argv[3]);
print(
  `Graph model, synthetic ledger (transfers ${transfers}, buyers ${buyers ?? 'default'})`,
  measure(transfers, buyers),
);
