import { Callout, NonIdealState, Spinner } from '@blueprintjs/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowFilter } from '../../../shared/graph';
import { useFormat } from '../../app/use-format';
import { preferences } from '../../app/preferences';
import { useWorkspaceNav } from '../workspace/workspace-nav';
import { detectGraphics, drawsWithWebgl } from './graphics';
import { GraphCanvas, type GraphCanvasHandle } from './GraphCanvas';
import { GraphToolbar } from './GraphToolbar';
import type { SearchResult } from './graph-protocol';
import { PlaceSearch, usePlaceSearch } from './PlaceSearch';
import { SavedViews } from './SavedViews';
import { SelectionDetails } from './SelectionDetails';
import { TimelineBar } from './TimelineBar';
import { toCyElements } from './to-elements';
import { useGraphSession } from './use-graph-session';

/**
 * Who paid whom, grown from a seed or a search, never the whole case at once: the worker keeps
 * every view under the element budget by folding many similar neighbours into collections.
 * Undo and redo walk the stack of view states.
 */
export function GraphTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nav = useWorkspaceNav();
  const session = useGraphSession(caseId, nav.graphFocus);
  const { worker, ask, view, elements, selected, path, op } = session;
  const places = usePlaceSearch((text) =>
    ask({ type: 'search', text }, 'search').then((answer) => answer.hits),
  );
  const [pathFrom, setPathFrom] = useState<number | null>(null);
  // Places the investigator picked to group into one collection of their own.
  const [picks, setPicks] = useState<number[]>([]);
  const [timeRespecting, setTimeRespecting] = useState(true);
  const canvas = useRef<GraphCanvasHandle>(null);
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

  if (worker.status === 'loading') {
    return (
      <div className="mt-tab-empty">
        <NonIdealState icon={<Spinner size={32} />} title={t('graph.loading')} />
      </div>
    );
  }
  if (worker.status === 'failed') {
    return (
      <div className="mt-tab-panel">
        <Callout intent="danger" title={t('graph.loadFailed')}>
          {worker.message}
        </Callout>
      </div>
    );
  }
  if (worker.transfers === 0) {
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

  const pick = (hit: SearchResult) => {
    places.clear();
    if (view)
      void op({ kind: 'show', nodes: [hit.node] }).then(() =>
        session.setSelected({ id: `n${hit.node}`, group: 'nodes' }),
      );
    else void session.open([hit.node]);
  };
  const searchBox = (
    <PlaceSearch query={places.query} hits={places.hits} onSearch={places.search} onPick={pick} />
  );
  const savedViews = (
    <SavedViews
      caseId={caseId}
      canSave={view !== null && elements !== null}
      current={session.viewToSave}
      onOpen={(saved) => {
        setPathFrom(null);
        void session.openSaved(saved);
      }}
    />
  );

  if (!view || !elements) {
    return (
      <div className="mt-graph-start" data-testid="graph-start">
        <NonIdealState
          icon="graph"
          title={t('graph.start.title')}
          description={t('graph.start.description', {
            nodes: format.count(worker.nodes),
            transfers: format.count(worker.transfers),
          })}
          action={
            <div className="mt-graph-start-actions">
              {searchBox}
              {savedViews}
            </div>
          }
        />
        {session.busy ? <Spinner size={24} /> : null}
      </div>
    );
  }

  const period = {
    ...(view.filter.since !== undefined ? { since: view.filter.since } : {}),
    ...(view.filter.until !== undefined ? { until: view.filter.until } : {}),
  };

  return (
    <div className="mt-graph">
      <div className="mt-graph-main">
        <GraphToolbar
          search={searchBox}
          savedViews={savedViews}
          view={view}
          elements={elements}
          canUndo={session.canUndo}
          canRedo={session.canRedo}
          onUndo={() => void session.undo()}
          onRedo={() => void session.redo()}
          layoutName={session.layoutName}
          onLayout={session.relayout}
          onOp={(o) => void op(o)}
          timeRespecting={timeRespecting}
          onTimeRespecting={setTimeRespecting}
          graphics={graphics}
          webgl={webgl}
          onRenderer={(choice) => {
            preferences.setGraphRenderer(choice);
            setRendererChoice(choice);
          }}
          picks={picks}
          onClearPicks={() => setPicks([])}
          busy={session.busy}
          canvas={canvas}
        />
        {session.message ? (
          <Callout compact intent="primary" className="mt-graph-message" data-testid="graph-message">
            {session.message}
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
          positions={session.positions}
          dark={dark}
          webgl={webgl}
          onSelect={(id, group) => session.setSelected(id && group ? { id, group } : null)}
          onOpen={(id) => {
            // A holder is not a place: it has no money to expand; its places are in its details.
            if (id.startsWith('h:')) return;
            void op(
              id.startsWith('c')
                ? { kind: 'expandCollection', target: id }
                : { kind: 'expand', target: Number(id.slice(1)), direction: 'both', hops: 1 },
            );
          }}
          onMoved={session.moved}
        />
        <TimelineBar
          timeline={session.timeline}
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
      <SelectionDetails
        elements={elements}
        selected={selected}
        edgeRows={session.edgeRows}
        onOp={(o) => void op(o)}
        pathFrom={pathFrom}
        onPathFrom={(n) => setPathFrom(n)}
        onPathTo={(n) => {
          if (pathFrom === null) return;
          void op({ kind: 'path', from: pathFrom, to: n, timeRespecting });
          setPathFrom(null);
        }}
        onTrace={(n) => nav.startTrace(n.value)}
        picks={picks}
        onPick={(n) => setPicks(picks.includes(n) ? picks.filter((p) => p !== n) : [...picks, n])}
        onSelectPlace={(n) => {
          canvas.current?.select(`n${n}`);
          session.setSelected({ id: `n${n}`, group: 'nodes' });
        }}
      />
    </div>
  );
}
