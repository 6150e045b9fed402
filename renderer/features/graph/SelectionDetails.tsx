import { useTranslation } from 'react-i18next';
import type { CollectionNode, EntityNode, VisibleElements } from '../../../shared/graph';
import { CollectionDetails, EdgeDetails, NodeDetails } from './GraphDetails';
import type { GraphOp } from './graph-protocol';
import { HolderDetails, HoldsDetails } from './HolderDetails';
import { shortValue } from './to-elements';
import type { GraphSelection, SelectedEdgeRows } from './use-graph-session';

/**
 * The details panel on the right for whatever is selected on the graph: a place (with the path and
 * group actions), a collection, a holder, a holds link, or a flow with its transfers.
 */
export function SelectionDetails({
  elements,
  selected,
  edgeRows,
  onOp,
  pathFrom,
  onPathFrom,
  onPathTo,
  onTrace,
  picks,
  onPick,
  onSelectPlace,
}: {
  elements: VisibleElements;
  selected: GraphSelection | null;
  edgeRows: SelectedEdgeRows | null;
  onOp: (op: GraphOp) => void;
  /** The place a path starts from, once the investigator has chosen it. */
  pathFrom: number | null;
  onPathFrom: (node: number) => void;
  onPathTo: (node: number) => void;
  onTrace: (node: EntityNode) => void;
  /** Places picked for the investigator's own group. */
  picks: number[];
  onPick: (node: number) => void;
  /** A place chosen from a holder's list: selected on the canvas too. */
  onSelectPlace: (node: number) => void;
}) {
  const { t } = useTranslation();
  const node = selected?.group === 'nodes' ? elements.nodes.find((n) => n.id === selected.id) : undefined;
  const edge = selected?.group === 'edges' ? elements.edges.find((e) => e.id === selected.id) : undefined;
  const holder = selected?.group === 'nodes' ? elements.holders.find((h) => h.id === selected.id) : undefined;
  const holds = selected?.group === 'edges' ? elements.holds.find((l) => l.id === selected.id) : undefined;
  const places = new Map(
    elements.nodes.filter((n): n is EntityNode => n.type === 'entity').map((n) => [n.id, n]),
  );
  const labelOf = (id: string) => {
    const n = elements.nodes.find((x) => x.id === id);
    if (!n) return id;
    return n.type === 'entity'
      ? shortValue(n.idKind, n.value)
      : t('graph.collection.title', { count: n.count });
  };

  return (
    <>
      {node?.type === 'entity' ? (
        <NodeDetails
          node={node as EntityNode}
          onOp={onOp}
          pathFrom={pathFrom}
          onPathFrom={onPathFrom}
          onPathTo={onPathTo}
          onTrace={onTrace}
          picked={picks.includes((node as EntityNode).node)}
          onPick={onPick}
        />
      ) : null}
      {node?.type === 'collection' ? <CollectionDetails node={node as CollectionNode} onOp={onOp} /> : null}
      {holder ? (
        <HolderDetails
          holder={holder}
          places={places}
          evidence={
            new Map(elements.holds.filter((l) => l.source === holder.id).map((l) => [l.node, l.evidence]))
          }
          onSelectPlace={onSelectPlace}
        />
      ) : null}
      {holds ? (
        <HoldsDetails
          link={holds}
          holder={elements.holders.find((h) => h.id === holds.source)}
          place={places.get(holds.target)}
        />
      ) : null}
      {edge ? (
        <EdgeDetails
          edge={edge}
          rows={edgeRows?.edge === edge.id ? edgeRows.rows : null}
          labels={{ from: labelOf(edge.source), to: labelOf(edge.target) }}
        />
      ) : null}
    </>
  );
}
