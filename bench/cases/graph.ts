/**
 * The graph view model on a seeded synthetic ledger: building the index and opening the first
 * view from a drop (target ≤ 1 s together), and expanding a collection of 1,000 (≤ 500 ms).
 * Floor: one pass reading the transfer fields the index needs. One case per process:
 *   --mode floor|open|expand [--transfers N] [--buyers N]
 */
import { buildGraphIndex, expandCollection, openView, type Collection } from '../../shared/graph';
import { syntheticLedger } from '../../shared/ledger/synthetic';
import type { LedgerTransfer } from '../../shared/ledger/types';
import { arg, report, timed } from '../measure';

const transfers = Number(arg('--transfers', '1000000'));
const buyers = Number(arg('--buyers', '0')) || undefined;
const mode = arg('--mode', 'open');
const ledger = syntheticLedger({ transfers, ...(buyers ? { buyers } : {}) });
const rows = ledger.transfers.length;
const bytes = rows * (8 * 2 + 4 * 3);
const drop = ledger.roles.drops[0] as number;

if (mode === 'floor') {
  const { seconds } = timed(() => {
    const from = new Int32Array(rows);
    const to = new Int32Array(rows);
    const at = new Float64Array(rows);
    for (let t = 0; t < rows; t++) {
      const x = ledger.transfers[t] as LedgerTransfer;
      from[t] = x.from;
      to[t] = x.to;
      at[t] = x.at;
    }
    return from.length + to.length + at.length;
  });
  report({
    case: 'graph floor (read transfers)',
    rows,
    bytes,
    seconds,
    extra: { nodes: ledger.nodes.length },
  });
} else if (mode === 'open') {
  const { value, seconds } = timed(() => openView(buildGraphIndex(ledger), { seeds: [drop] }));
  const elements = value.elements.nodes.length + value.elements.edges.length;
  report({
    case: 'buildGraphIndex + openView(drop)',
    rows,
    bytes,
    seconds,
    extra: { nodes: ledger.nodes.length, elements },
  });
} else {
  const index = buildGraphIndex(ledger);
  const opened = openView(index, { seeds: [drop] });
  const biggest = [...opened.view.collections].sort(
    (a, b) => b.members.length - a.members.length,
  )[0] as Collection;
  // A collection of 1,000: the drop's buyers, cut to 1,000 if there are more.
  const collection: Collection = { ...biggest, members: biggest.members.slice(0, 1000) };
  const view = {
    ...opened.view,
    collections: opened.view.collections.map((c) => (c.id === biggest.id ? collection : c)),
  };
  const { value, seconds } = timed(() => expandCollection(index, view, collection.id));
  const elements = value.elements.nodes.length + value.elements.edges.length;
  report({
    case: `expandCollection (${collection.members.length} members)`,
    rows,
    bytes,
    seconds,
    extra: { elements },
  });
}
