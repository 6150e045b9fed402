import {
  Button,
  ButtonGroup,
  Callout,
  HTMLSelect,
  InputGroup,
  MenuItem,
  NonIdealState,
  Spinner,
  Switch,
  Tag,
} from '@blueprintjs/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CollectionNode,
  EntityNode,
  FlowFilter,
  GraphPath,
  Timeline,
  ViewResult,
  ViewState,
  VisibleElements,
} from '../../../shared/graph';
import { unwrap } from '../../../shared/ipc/result';
import { useFormat } from '../../app/use-format';
import { preferences } from '../../app/preferences';
import { host } from '../../host';
import { PlaceLabel } from '../trace/PlaceLabel';
import { useWorkspaceNav } from '../workspace/workspace-nav';
import type { GraphView } from '../../db/records';
import { detectGraphics, drawsWithWebgl } from './graphics';
import { GraphCanvas, type GraphCanvasHandle } from './GraphCanvas';
import { CollectionDetails, EdgeDetails, NodeDetails } from './GraphDetails';
import { HolderDetails, HoldsDetails } from './HolderDetails';
import type { EdgeRow, GraphOp, LayoutRequest, SearchResult } from './graph-protocol';
import { SavedViews } from './SavedViews';
import { TimelineBar } from './TimelineBar';
import { HOLDER_SIZE, nodeSize, shortValue, toCyElements } from './to-elements';
import { useGraphWorker } from './use-graph-worker';

type LayoutName = LayoutRequest['name'];
type Positions = Record<string, { x: number; y: number }>;

/**
 * Who paid whom, grown from a seed or a search, never the whole case at once: the worker keeps
 * every view under the element budget by folding many similar neighbours into collections.
 * Undo and redo walk the stack of view states.
 */
export function GraphTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nav = useWorkspaceNav();
  const { state, ask } = useGraphWorker(caseId);
  const [history, setHistory] = useState<{ views: ViewState[]; at: number }>({ views: [], at: -1 });
  const [elements, setElements] = useState<VisibleElements | null>(null);
  const [positions, setPositions] = useState<Positions>({});
  const [layoutName, setLayoutName] = useState<LayoutName>('fcose');
  const [selected, setSelected] = useState<{ id: string; group: 'nodes' | 'edges' } | null>(null);
  /** Rows of the selected edge, tagged with the edge they belong to (a stale answer shows nothing). */
  const [edgeRows, setEdgeRows] = useState<{ edge: string; rows: EdgeRow[] } | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchResult[]>([]);
  const [pathFrom, setPathFrom] = useState<number | null>(null);
  // Places the investigator picked to group into one collection of their own.
  const [picks, setPicks] = useState<number[]>([]);
  const [path, setPath] = useState<GraphPath | null>(null);
  const [timeRespecting, setTimeRespecting] = useState(true);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canvas = useRef<GraphCanvasHandle>(null);
  /** Where every drawn node sits now: the last layout, plus the investigator's drags. */
  const placed = useRef<Positions>({});
  const view = history.views[history.at];
  const dark = preferences.theme() === 'dark';
  const graphics = useMemo(() => detectGraphics(), []);
  const [rendererChoice, setRendererChoice] = useState(preferences.graphRenderer);
  const webgl = drawsWithWebgl(rendererChoice, graphics.gpu);

  const text = useMemo(
    () => ({
      money: format.money,
      count: format.count,
      collection: (count: number, kind: string) =>
        t('graph.collection.label', { count, kind: t(`graph.kindPlural.${kind}`) }),
      holderId: (kind: 'iin' | 'bin', value: string) => `${t(`graph.holder.${kind}`)} ${value}`,
    }),
    // useFormat() is a new object each render; the language is what changes the labels.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [format.language, t],
  );
  const onPath = useMemo(() => {
    const set = new Set<string>();
    if (!path) return set;
    for (const n of path.nodes) set.add(`n${n}`);
    for (const h of path.hops) set.add(`n${h.from}>n${h.to}`);
    return set;
  }, [path]);
  const cyElements = useMemo(
    () => (elements ? toCyElements(elements, text, onPath) : []),
    [elements, text, onPath],
  );

  const arrange = async (result: ViewResult, name: LayoutName, keep: Positions, centre?: string) => {
    const fixed: Positions = {};
    for (const node of result.elements.nodes)
      if (keep[node.id]) fixed[node.id] = keep[node.id] as { x: number; y: number };
    const layout: LayoutRequest = {
      name,
      // Holders and their links take part, so the layout leaves room for them next to their places.
      nodes: [
        ...result.elements.nodes.map((n) => ({
          id: n.id,
          weight: n.type === 'entity' ? Math.log10(1 + sum(n.in) + sum(n.out)) : 1,
          size: nodeSize(n),
        })),
        ...result.elements.holders.map((h) => ({ id: h.id, weight: 0, size: HOLDER_SIZE })),
      ],
      edges: [...result.elements.edges, ...result.elements.holds].map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
      })),
      fixed,
      ...(centre ? { centre } : {}),
    };
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

  // A trace's result arrives from the Trace tab as identifiers to show.
  useEffect(() => {
    if (state.status !== 'ready' || !nav.graphFocus) return;
    const keys = nav.graphFocus;
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
  }, [state.status, nav.graphFocus]);

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

  if (state.status === 'loading') {
    return (
      <div className="mt-tab-empty">
        <NonIdealState icon={<Spinner size={32} />} title={t('graph.loading')} />
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="mt-tab-panel">
        <Callout intent="danger" title={t('graph.loadFailed')}>
          {state.message}
        </Callout>
      </div>
    );
  }
  if (state.transfers === 0) {
    return (
      <div className="mt-tab-empty" data-testid="empty-graph">
        <NonIdealState
          icon="graph"
          title={t('empty.graph.title')}
          description={t('empty.graph.description')}
        />
      </div>
    );
  }

  const search = (value: string) => {
    setQuery(value);
    if (value.trim().length < 3) return setHits([]);
    void ask({ type: 'search', text: value }, 'search').then((answer) => setHits(answer.hits));
  };
  const pick = (hit: SearchResult) => {
    setHits([]);
    setQuery('');
    if (view)
      void op({ kind: 'show', nodes: [hit.node] }).then(() =>
        setSelected({ id: `n${hit.node}`, group: 'nodes' }),
      );
    else void open([hit.node]);
  };
  /** Reopens a saved view: its state re-rendered by the worker, its places where they were saved. */
  const openSaved = (saved: GraphView) =>
    run(async () => {
      setSelected(null);
      setPath(null);
      setPathFrom(null);
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
  const savedViews = (
    <SavedViews
      caseId={caseId}
      canSave={view !== null && elements !== null}
      current={async () => {
        if (!view || !elements) return null;
        const keyed = await ask({ type: 'keyed', view, positions: { ...placed.current } }, 'keyed');
        return { state: keyed.state, positions: keyed.positions, layout: layoutName };
      }}
      onOpen={(saved) => void openSaved(saved)}
    />
  );

  const searchBox = (
    <div className="mt-graph-search">
      <InputGroup
        leftIcon="search"
        placeholder={t('graph.search')}
        value={query}
        onChange={(event) => search(event.currentTarget.value)}
        data-testid="graph-search"
      />
      {hits.length > 0 ? (
        <div className="mt-graph-hits" data-testid="graph-hits">
          {hits.map((hit) => (
            <MenuItem
              key={hit.node}
              text={<PlaceLabel kind={hit.kind} value={hit.value} holder={hit.holder} />}
              onClick={() => pick(hit)}
            />
          ))}
        </div>
      ) : null}
    </div>
  );

  if (!view || !elements) {
    return (
      <div className="mt-graph-start" data-testid="graph-start">
        <NonIdealState
          icon="graph"
          title={t('graph.start.title')}
          description={t('graph.start.description', {
            nodes: format.count(state.nodes),
            transfers: format.count(state.transfers),
          })}
          action={
            <div className="mt-graph-start-actions">
              {searchBox}
              {savedViews}
            </div>
          }
        />
        {busy ? <Spinner size={24} /> : null}
      </div>
    );
  }

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
  const period = {
    ...(view.filter.since !== undefined ? { since: view.filter.since } : {}),
    ...(view.filter.until !== undefined ? { until: view.filter.until } : {}),
  };
  const save = async (kind: 'png' | 'svg') => {
    const bytes = kind === 'png' ? await canvas.current?.png() : canvas.current?.svg();
    if (!bytes) return;
    unwrap(await host.saveFile({ suggestedName: `graph.${kind}`, kind: 'image', bytes }));
  };
  const minKzt = view.filter.minAmountMinor?.KZT ?? 0;

  return (
    <div className="mt-graph">
      <div className="mt-graph-main">
        <div className="mt-graph-toolbar">
          {searchBox}
          {savedViews}
          <ButtonGroup>
            <Button
              icon="undo"
              disabled={history.at <= 0}
              onClick={() => void step(-1)}
              title={t('graph.undo')}
              data-testid="graph-undo"
            />
            <Button
              icon="redo"
              disabled={history.at >= history.views.length - 1}
              onClick={() => void step(1)}
              title={t('graph.redo')}
            />
          </ButtonGroup>
          <HTMLSelect
            value={layoutName}
            onChange={(event) => {
              const name = event.currentTarget.value as LayoutName;
              setLayoutName(name);
              void arrange(
                { view, elements },
                name,
                pinnedPositions(view),
                selected?.group === 'nodes' ? selected.id : undefined,
              );
            }}
            options={(['fcose', 'dagre', 'concentric'] as const).map((name) => ({
              value: name,
              label: t(`graph.layout.${name}`),
            }))}
            data-testid="graph-layout"
          />
          <label className="mt-graph-filter">
            {t('graph.filter.minAmount')}
            <InputGroup
              small
              type="number"
              min={0}
              value={String(minKzt / 100 || '')}
              onChange={(event) => {
                const major = Number(event.currentTarget.value);
                const filter: FlowFilter = { ...view.filter };
                if (major > 0) filter.minAmountMinor = { KZT: Math.round(major * 100) };
                else delete filter.minAmountMinor;
                void op({ kind: 'filter', filter });
              }}
              data-testid="graph-min-amount"
            />
          </label>
          <Switch
            checked={timeRespecting}
            label={t('graph.path.timeRespecting')}
            onChange={(event) => setTimeRespecting(event.currentTarget.checked)}
            className="mt-graph-switch"
          />
          <Switch
            checked={view.showHolders !== false}
            label={t('graph.holder.toggle')}
            title={t('graph.holder.toggleHelp')}
            onChange={(event) => void op({ kind: 'holders', show: event.currentTarget.checked })}
            className="mt-graph-switch"
            data-testid="graph-holders"
          />
          <Switch
            checked={webgl}
            disabled={graphics.gpu === 'none'}
            label={t('graph.webgl.toggle')}
            title={t(`graph.webgl.help.${graphics.gpu}`, { renderer: graphics.renderer })}
            onChange={(event) => {
              const choice = event.currentTarget.checked ? 'webgl' : 'canvas';
              preferences.setGraphRenderer(choice);
              setRendererChoice(choice);
            }}
            className="mt-graph-switch"
            data-testid="graph-webgl"
          />
          {picks.length > 0 ? (
            <ButtonGroup>
              <Button
                small
                icon="group-objects"
                intent="primary"
                disabled={picks.length < 2}
                onClick={() => {
                  void op({ kind: 'group', refs: picks });
                  setPicks([]);
                }}
                data-testid="graph-group"
              >
                {t('graph.group.make', { count: picks.length })}
              </Button>
              <Button small icon="cross" onClick={() => setPicks([])} aria-label={t('graph.group.clear')} />
            </ButtonGroup>
          ) : null}
          {view.hidden.length > 0 ? (
            <Button small icon="eye-open" onClick={() => void op({ kind: 'unhide' })}>
              {t('graph.unhide', { count: view.hidden.length })}
            </Button>
          ) : null}
          <span className="mt-graph-spacer" />
          {busy ? <Spinner size={16} /> : null}
          <Tag minimal>
            {t('graph.count', { nodes: elements.nodes.length, edges: elements.edges.length })}
          </Tag>
          <ButtonGroup>
            <Button icon="media" onClick={() => void save('png')} data-testid="graph-save-png">
              PNG
            </Button>
            <Button icon="code" onClick={() => void save('svg')}>
              SVG
            </Button>
          </ButtonGroup>
        </div>
        {message ? (
          <Callout compact intent="primary" className="mt-graph-message" data-testid="graph-message">
            {message}
          </Callout>
        ) : null}
        {pathFrom !== null ? (
          <Callout compact intent="warning" className="mt-graph-message">
            {t('graph.path.pick')}
          </Callout>
        ) : null}
        <GraphCanvas
          key={webgl ? 'webgl' : 'canvas'}
          ref={canvas}
          elements={cyElements}
          positions={positions}
          dark={dark}
          webgl={webgl}
          onSelect={(id, group) => setSelected(id && group ? { id, group } : null)}
          onOpen={(id) => {
            // A holder is not a place: it has no money to expand; its places are in its details.
            if (id.startsWith('h:')) return;
            void op(
              id.startsWith('c')
                ? { kind: 'expandCollection', target: id }
                : { kind: 'expand', target: Number(id.slice(1)), direction: 'both', hops: 1 },
            );
          }}
          onMoved={(id, position) => {
            placed.current = { ...placed.current, [id]: position };
          }}
        />
        <TimelineBar
          timeline={timeline}
          period={period}
          onPeriod={(since, until) => {
            const filter: FlowFilter = { ...view.filter };
            if (since === undefined) delete filter.since;
            else filter.since = since;
            if (until === undefined) delete filter.until;
            else filter.until = until;
            void op({ kind: 'filter', filter });
          }}
        />
      </div>
      {node?.type === 'entity' ? (
        <NodeDetails
          node={node as EntityNode}
          onOp={(o) => void op(o)}
          pathFrom={pathFrom}
          onPathFrom={(n) => setPathFrom(n)}
          onPathTo={(n) => {
            if (pathFrom === null) return;
            void op({ kind: 'path', from: pathFrom, to: n, timeRespecting });
            setPathFrom(null);
          }}
          onTrace={(n) => nav.startTrace(n.value)}
          picked={picks.includes((node as EntityNode).node)}
          onPick={(n) => setPicks(picks.includes(n) ? picks.filter((p) => p !== n) : [...picks, n])}
        />
      ) : null}
      {node?.type === 'collection' ? (
        <CollectionDetails node={node as CollectionNode} onOp={(o) => void op(o)} />
      ) : null}
      {holder ? (
        <HolderDetails
          holder={holder}
          places={places}
          evidence={
            new Map(elements.holds.filter((l) => l.source === holder.id).map((l) => [l.node, l.evidence]))
          }
          onSelectPlace={(n) => {
            canvas.current?.select(`n${n}`);
            setSelected({ id: `n${n}`, group: 'nodes' });
          }}
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
    </div>
  );
}

function sum(money: Record<string, number>): number {
  return Object.values(money).reduce((a, b) => a + b, 0);
}
