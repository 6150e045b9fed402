import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FlowFilter,
  GraphPath,
  Timeline,
  ViewResult,
  ViewState,
  VisibleElements,
} from '../../../shared/graph';
import type { GraphViewDraft } from '../../db/graph-views';
import type { GraphView } from '../../db/records';
import type { EdgeRow, GraphOp, LayoutRequest } from './graph-protocol';
import { toLayoutRequest } from './to-elements';
import { useGraphWorker } from './use-graph-worker';

export type LayoutName = LayoutRequest['name'];
export type Positions = Record<string, { x: number; y: number }>;
/** What the investigator clicked on the canvas: a place, collection or holder, or a flow or holds link. */
export interface GraphSelection {
  id: string;
  group: 'nodes' | 'edges';
}
/** Rows of the selected edge, tagged with the edge they belong to (a stale answer shows nothing). */
export interface SelectedEdgeRows {
  edge: string;
  rows: EdgeRow[];
}

/**
 * The investigator's session on the Graph tab: the stack of view states (undo and redo walk it),
 * what is drawn and where, the selection, and every request to the graph worker that changes them.
 */
export function useGraphSession(caseId: string, graphFocus: string[] | null) {
  const { t } = useTranslation();
  const { state, ask } = useGraphWorker(caseId);
  const [history, setHistory] = useState<{ views: ViewState[]; at: number }>({ views: [], at: -1 });
  const [elements, setElements] = useState<VisibleElements | null>(null);
  const [positions, setPositions] = useState<Positions>({});
  const [layoutName, setLayoutName] = useState<LayoutName>('fcose');
  const [selected, setSelected] = useState<GraphSelection | null>(null);
  const [edgeRows, setEdgeRows] = useState<SelectedEdgeRows | null>(null);
  const [path, setPath] = useState<GraphPath | null>(null);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Where every drawn node sits now: the last layout, plus the investigator's drags. */
  const placed = useRef<Positions>({});
  const view = history.views[history.at];

  const arrange = async (result: ViewResult, name: LayoutName, keep: Positions, centre?: string) => {
    const layout = toLayoutRequest(result.elements, name, keep, centre);
    const answer = await ask({ type: 'layout', layout }, 'layout');
    placed.current = answer.positions;
    setPositions(answer.positions);
  };

  const accept = async (
    result: ViewResult,
    options: { relayout?: boolean; path?: GraphPath | null } = {},
  ) => {
    setHistory((h) => ({ views: [...h.views.slice(0, h.at + 1), result.view], at: h.at + 1 }));
    setElements(result.elements);
    setMessage(result.elements.truncated?.message ?? null);
    if (options.path !== undefined) setPath(options.path);
    // New nodes settle around the ones already placed, so the picture does not jump.
    const keep = options.relayout ? pinnedPositions(result.view) : { ...placed.current };
    await arrange(result, layoutName, keep);
  };
  const pinnedPositions = (v: ViewState): Positions => {
    const current = placed.current;
    const out: Positions = {};
    for (const n of v.pinned)
      if (current[`n${n}`]) out[`n${n}`] = current[`n${n}`] as { x: number; y: number };
    return out;
  };

  /** Undo (-1) and redo (+1): the worker redraws the stored state; nothing is recomputed here. */
  const step = async (delta: -1 | 1) => {
    const at = history.at + delta;
    const v = history.views[at];
    if (!v) return;
    setHistory({ ...history, at });
    const a = await ask({ type: 'op', view: v, op: { kind: 'show', nodes: [] } }, 'view');
    setElements(a.result.elements);
    await arrange(a.result, layoutName, placed.current);
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const op = (o: GraphOp) =>
    run(async () => {
      if (!view) return;
      const answer = await ask({ type: 'op', view, op: o }, 'view');
      await accept(answer.result, answer.path !== undefined ? { path: answer.path } : {});
      if (o.kind === 'path' && !answer.path) setMessage(t('graph.path.none'));
    });
  const open = (seeds: number[], search?: string) =>
    run(async () => {
      setSelected(null);
      setPath(null);
      const answer = await ask(
        { type: 'open', seeds, ...(search ? { search } : {}), options: { hops: 1 } },
        'view',
      );
      setHistory({ views: [], at: -1 });
      await accept(answer.result, { relayout: true });
    });

  /** A new layout for what is on screen: pinned places stay, the selected node is the centre. */
  const relayout = (name: LayoutName) => {
    if (!view || !elements) return;
    setLayoutName(name);
    void arrange(
      { view, elements },
      name,
      pinnedPositions(view),
      selected?.group === 'nodes' ? selected.id : undefined,
    );
  };

  /** Reopens a saved view: its state re-rendered by the worker, its places where they were saved. */
  const openSaved = (saved: GraphView) =>
    run(async () => {
      setSelected(null);
      setPath(null);
      const answer = await ask(
        { type: 'restore', state: saved.state, positions: saved.positions },
        'restored',
      );
      setHistory((h) => ({ views: [...h.views.slice(0, h.at + 1), answer.result.view], at: h.at + 1 }));
      setElements(answer.result.elements);
      // Places gone since the view was saved (a split, a removed statement) are said, not hidden.
      setMessage(
        answer.missing > 0
          ? t('graph.views.missing', { count: answer.missing })
          : (answer.result.elements.truncated?.message ?? null),
      );
      const name = saved.layout as LayoutName;
      setLayoutName(name);
      await arrange(answer.result, name, answer.positions);
    });
  /** What "Save view…" saves: the view with places named by key (asks the graph worker). */
  const viewToSave = async (): Promise<Omit<GraphViewDraft, 'name'> | null> => {
    if (!view || !elements) return null;
    const keyed = await ask({ type: 'keyed', view, positions: { ...placed.current } }, 'keyed');
    return { state: keyed.state, positions: keyed.positions, layout: layoutName };
  };

  // A trace's result arrives from the Trace tab as identifiers to show.
  useEffect(() => {
    if (state.status !== 'ready' || !graphFocus) return;
    const keys = graphFocus;
    // Started after the effect, not inside it: the work sets state as it goes.
    void Promise.resolve().then(() =>
      run(async () => {
        const answer = await ask(
          { type: 'open', seeds: [], keys: keys.slice(0, 60), options: { hops: 0 } },
          'view',
        );
        setHistory({ views: [], at: -1 });
        await accept(answer.result, { relayout: true });
      }),
    );
    // Runs once per hand-over from the Trace tab.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.status, graphFocus]);

  // The timeline follows the selection, or the whole view.
  useEffect(() => {
    if (!view || !elements) return;
    const nodes =
      selected?.group === 'nodes' && selected.id.startsWith('n')
        ? [Number(selected.id.slice(1))]
        : [...view.nodes];
    const filter: FlowFilter = { ...view.filter };
    delete filter.since;
    delete filter.until;
    void ask({ type: 'timeline', nodes, filter }, 'timeline').then(
      (answer) => setTimeline(answer.timeline),
      () => setTimeline(null),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, selected]);

  useEffect(() => {
    if (!selected || selected.group !== 'edges' || !elements || !view) return;
    const edge = elements.edges.find((e) => e.id === selected.id);
    if (!edge) return;
    void ask({ type: 'edge', pairs: edge.pairs, filter: view.filter }, 'edge').then((answer) =>
      setEdgeRows({ edge: edge.id, rows: answer.rows }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, elements]);

  return {
    worker: state,
    ask,
    view,
    elements,
    positions,
    layoutName,
    selected,
    setSelected,
    edgeRows,
    path,
    timeline,
    message,
    busy,
    canUndo: history.at > 0,
    canRedo: history.at < history.views.length - 1,
    undo: () => step(-1),
    redo: () => step(1),
    op,
    open,
    relayout,
    openSaved,
    viewToSave,
    /** The investigator dragged a node: remember where it sits now. */
    moved: (id: string, position: { x: number; y: number }) => {
      placed.current = { ...placed.current, [id]: position };
    },
  };
}
