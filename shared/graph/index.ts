/**
 * The graph view model: pure, synchronous and deterministic, with no DOM and no Cytoscape. The
 * graph tab keeps a `ViewState` per case (and an undo stack of them), calls these operations,
 * and draws `VisibleElements`; clicking an edge lists `edgeTransfers` with their source rows.
 */
export * from './types';
export { buildGraphIndex, NODE_KINDS, type GraphIndex } from './build-index';
export { aggregateFlows, edgeTransfers, type AggregateOptions } from './aggregate';
export { searchNodes, foldName, type SearchHit, type SearchMatch } from './search';
export {
  openView,
  expand,
  show,
  emptyView,
  DEFAULT_COLLECTION_THRESHOLD,
  DEFAULT_MAX_ELEMENTS,
  type ExpandOptions,
} from './expand';
export { expandCollection, splitCollection, filterCollection, collapse, group } from './collections';
export { visibleElements, hide, unhide, pin, setFilter, nodesOf, showHolders } from './edit';
export { holderLayer, holdsEvidence, holderKeyOf, HOLDER_MIN_PLACES } from './holders';
export {
  shortestPath,
  allPaths,
  type PathOptions,
  type PathHop,
  type GraphPath,
  type AllPathsResult,
} from './paths';
export { timeline, type Timeline, type TimelineBucket, type TimelineOptions } from './timeline';
