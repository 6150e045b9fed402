/// <reference lib="webworker" />
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { keyedView, restoredView } from '../../../shared/graph/saved-view';
import {
  buildGraphIndex,
  collapse,
  group,
  edgeTransfers,
  expand,
  expandCollection,
  hide,
  openView,
  pin,
  searchNodes,
  setFilter,
  shortestPath,
  show,
  showHolders,
  splitCollection,
  timeline,
  unhide,
  type GraphIndex,
  type ViewResult,
  type ViewState,
} from '../../../shared/graph';
import { adoptPortableKeys } from '../../db/case-keys';
import { loadCaseLedger } from '../../db/ledger';
import { openCaseStore } from '../../db/schema';
import type { GraphOp, GraphRequest, GraphResponse, LayoutRequest } from './graph-protocol';

cytoscape.use(fcose);
cytoscape.use(dagre);

const scope = self as unknown as DedicatedWorkerGlobalScope;
let index: GraphIndex | null = null;
const send = (message: GraphResponse) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<GraphRequest>) => {
  const m = event.data;
  const id = m.type === 'load' ? undefined : m.id;
  try {
    if (m.type === 'load') {
      const db = openCaseStore();
      try {
        await adoptPortableKeys(db, m.caseId, m.keys);
        const ledger = await loadCaseLedger(db, m.caseId);
        index = buildGraphIndex(ledger);
        const first = ledger.transfers[0]?.at;
        const last = ledger.transfers[ledger.transfers.length - 1]?.at;
        send({
          type: 'loaded',
          nodes: ledger.nodes.length,
          transfers: ledger.transfers.length,
          range: first !== undefined && last !== undefined ? [first, last] : null,
        });
      } finally {
        db.close();
      }
      return;
    }
    if (!index) throw new Error('the case is not loaded yet');
    const ix = index;
    switch (m.type) {
      case 'open': {
        const byKey = (m.keys ?? [])
          .map((k) => ix.ledger.nodeByKey.get(k))
          .filter((n): n is number => n !== undefined);
        const seeds = [...m.seeds, ...byKey];
        send({
          type: 'view',
          id: m.id,
          result: openView(ix, { seeds, ...(m.search ? { search: m.search } : {}) }, m.options ?? {}),
        });
        return;
      }
      case 'op': {
        const { result, path } = apply(ix, m.view, m.op);
        send({ type: 'view', id: m.id, result, ...(path !== undefined ? { path } : {}) });
        return;
      }
      case 'search':
        send({
          type: 'search',
          id: m.id,
          hits: searchNodes(ix, m.text, { limit: 12 }).map((hit) => {
            const node = ix.ledger.nodes[hit.node];
            return {
              ...hit,
              kind: node?.idKind ?? '',
              value: node?.value ?? '',
              ...(node?.holder ? { holder: node.holder } : {}),
            };
          }),
        });
        return;
      case 'edge':
        send({
          type: 'edge',
          id: m.id,
          rows: edgeTransfers(ix, m.pairs, m.filter)
            .slice(0, 2000)
            .map((t) => ({
              id: t.id,
              at: t.at,
              amountMinor: t.amountMinor,
              currency: t.currency,
              ...(t.toAmountMinor !== undefined && t.toCurrency
                ? { toAmountMinor: t.toAmountMinor, toCurrency: t.toCurrency }
                : {}),
              channel: t.channel,
              ...(t.description ? { description: t.description } : {}),
              ...(t.reference ? { reference: t.reference } : {}),
              evidence: t.evidence.map((e) => ({ ...e, file: ix.ledger.files.get(e.sha256) ?? e.sha256 })),
            })),
        });
        return;
      case 'layout':
        send({ type: 'layout', id: m.id, positions: layout(m.layout) });
        return;
      case 'keyed': {
        const saved = keyedView(ix.ledger, m.view, m.positions);
        send({ type: 'keyed', id: m.id, state: saved.state, positions: saved.positions });
        return;
      }
      case 'restore': {
        const back = restoredView(ix.ledger, m.state, m.positions);
        const { result } = apply(ix, back.state, { kind: 'show', nodes: [] });
        send({ type: 'restored', id: m.id, result, positions: back.positions, missing: back.missing });
        return;
      }
      case 'timeline':
        send({
          type: 'timeline',
          id: m.id,
          timeline: timeline(ix, m.nodes, { buckets: 60, filter: m.filter }),
        });
        return;
    }
  } catch (error) {
    send({
      type: 'failed',
      ...(id !== undefined ? { id } : {}),
      message: error instanceof Error ? error.message : String(error),
    });
  }
};

function apply(
  ix: GraphIndex,
  view: ViewState,
  op: GraphOp,
): { result: ViewResult; path?: ReturnType<typeof shortestPath> } {
  switch (op.kind) {
    case 'expand':
      return { result: expand(ix, view, op.target, { direction: op.direction, hops: op.hops }) };
    case 'expandCollection':
      return { result: expandCollection(ix, view, op.target) };
    case 'split':
      return { result: splitCollection(ix, view, op.target, { by: op.by, buckets: op.buckets }) };
    case 'collapse':
      return { result: collapse(ix, view, op.anchor) };
    case 'hide':
      return { result: hide(ix, view, op.refs) };
    case 'unhide':
      return { result: unhide(ix, view) };
    case 'pin':
      return { result: pin(ix, view, op.refs, op.pinned) };
    case 'filter':
      return { result: setFilter(ix, view, op.filter) };
    case 'show':
      return { result: show(ix, view, op.nodes) };
    case 'group':
      return { result: group(ix, view, op.refs, op.label) };
    case 'holders':
      return { result: showHolders(ix, view, op.show) };
    case 'path': {
      const path = shortestPath(ix, op.from, op.to, {
        directed: true,
        timeRespecting: op.timeRespecting,
        filter: view.filter,
      });
      return { result: path ? show(ix, view, path.nodes) : show(ix, view, []), path };
    }
  }
}

/** Layouts run here, headless, so a big view never freezes the page while it settles. */
function layout(request: LayoutRequest): Record<string, { x: number; y: number }> {
  // Node boxes as drawn, widened for the label under each, so the layout leaves room for it.
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...request.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, weight: n.weight, w: n.size + 120, h: n.size + 40 },
        // Copies: Cytoscape moves the objects it is given.
        ...(request.fixed[n.id]
          ? { position: { ...(request.fixed[n.id] as { x: number; y: number }) } }
          : {}),
      })),
      ...request.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target },
      })),
    ],
  });
  const fixed = Object.entries(request.fixed).map(([nodeId, position]) => ({
    nodeId,
    position: { ...position },
  }));
  const options =
    request.name === 'dagre'
      ? { name: 'dagre', rankDir: 'LR', nodeSep: 20, rankSep: 120, animate: false }
      : request.name === 'concentric'
        ? {
            name: 'concentric',
            animate: false,
            minNodeSpacing: 20,
            concentric: (node: cytoscape.NodeSingular) =>
              node.id() === request.centre ? 1000 : Number(node.data('weight')) || 0,
            levelWidth: () => 1,
          }
        : {
            name: 'fcose',
            animate: false,
            randomize: true,
            quality: 'default',
            nodeRepulsion: 12000,
            idealEdgeLength: 180,
            nodeSeparation: 140,
            fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
          };
  cy.layout(options as cytoscape.LayoutOptions).run();
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((node) => {
    const pinned = request.fixed[node.id()];
    positions[node.id()] = pinned ? { x: pinned.x, y: pinned.y } : { ...node.position() };
  });
  cy.destroy();
  return positions;
}
