import { Button, ButtonGroup, HTMLSelect, InputGroup, Spinner, Switch, Tag } from '@blueprintjs/core';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowFilter, ViewState, VisibleElements } from '../../../shared/graph';
import { unwrap } from '../../../shared/ipc/result';
import { host } from '../../host';
import type { GraphCanvasHandle } from './GraphCanvas';
import type { GraphOp } from './graph-protocol';
import type { Graphics } from './graphics';
import type { LayoutName } from './use-graph-session';

/**
 * The bar above the graph: search and saved views, undo and redo, layout, the amount filter, the
 * switches for paths, holders and drawing, the investigator's own group, counts, and export.
 */
export function GraphToolbar({
  search,
  savedViews,
  view,
  elements,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  layoutName,
  onLayout,
  onOp,
  timeRespecting,
  onTimeRespecting,
  graphics,
  webgl,
  onRenderer,
  picks,
  onClearPicks,
  busy,
  canvas,
}: {
  /** The place search, the same one the start screen shows. */
  search: ReactNode;
  /** The "Views" menu. */
  savedViews: ReactNode;
  view: ViewState;
  elements: VisibleElements;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  layoutName: LayoutName;
  onLayout: (name: LayoutName) => void;
  onOp: (op: GraphOp) => void;
  /** Whether paths must go forward in time. */
  timeRespecting: boolean;
  onTimeRespecting: (on: boolean) => void;
  graphics: Graphics;
  webgl: boolean;
  onRenderer: (choice: 'webgl' | 'canvas') => void;
  /** Places picked for the investigator's own group. */
  picks: number[];
  onClearPicks: () => void;
  busy: boolean;
  canvas: RefObject<GraphCanvasHandle>;
}) {
  const { t } = useTranslation();
  const save = async (kind: 'png' | 'svg') => {
    const bytes = kind === 'png' ? await canvas.current?.png() : canvas.current?.svg();
    if (!bytes) return;
    unwrap(await host.saveFile({ suggestedName: `graph.${kind}`, kind: 'image', bytes }));
  };
  const minKzt = view.filter.minAmountMinor?.KZT ?? 0;

  return (
    <div className="mt-graph-toolbar">
      {search}
      {savedViews}
      <ButtonGroup>
        <Button
          icon="undo"
          disabled={!canUndo}
          onClick={onUndo}
          title={t('graph.undo')}
          data-testid="graph-undo"
        />
        <Button icon="redo" disabled={!canRedo} onClick={onRedo} title={t('graph.redo')} />
      </ButtonGroup>
      <HTMLSelect
        value={layoutName}
        onChange={(event) => onLayout(event.currentTarget.value as LayoutName)}
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
            onOp({ kind: 'filter', filter });
          }}
          data-testid="graph-min-amount"
        />
      </label>
      <Switch
        checked={timeRespecting}
        label={t('graph.path.timeRespecting')}
        onChange={(event) => onTimeRespecting(event.currentTarget.checked)}
        className="mt-graph-switch"
      />
      <Switch
        checked={view.showHolders !== false}
        label={t('graph.holder.toggle')}
        title={t('graph.holder.toggleHelp')}
        onChange={(event) => onOp({ kind: 'holders', show: event.currentTarget.checked })}
        className="mt-graph-switch"
        data-testid="graph-holders"
      />
      <Switch
        checked={webgl}
        disabled={graphics.gpu === 'none'}
        label={t('graph.webgl.toggle')}
        title={t(`graph.webgl.help.${graphics.gpu}`, { renderer: graphics.renderer })}
        onChange={(event) => onRenderer(event.currentTarget.checked ? 'webgl' : 'canvas')}
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
              onOp({ kind: 'group', refs: picks });
              onClearPicks();
            }}
            data-testid="graph-group"
          >
            {t('graph.group.make', { count: picks.length })}
          </Button>
          <Button small icon="cross" onClick={onClearPicks} aria-label={t('graph.group.clear')} />
        </ButtonGroup>
      ) : null}
      {view.hidden.length > 0 ? (
        <Button small icon="eye-open" onClick={() => onOp({ kind: 'unhide' })}>
          {t('graph.unhide', { count: view.hidden.length })}
        </Button>
      ) : null}
      <span className="mt-graph-spacer" />
      {busy ? <Spinner size={16} /> : null}
      <Tag minimal>{t('graph.count', { nodes: elements.nodes.length, edges: elements.edges.length })}</Tag>
      <ButtonGroup>
        <Button icon="media" onClick={() => void save('png')} data-testid="graph-save-png">
          PNG
        </Button>
        <Button icon="code" onClick={() => void save('svg')}>
          SVG
        </Button>
      </ButtonGroup>
    </div>
  );
}
