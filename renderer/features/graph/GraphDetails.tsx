import { Button, ButtonGroup, HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { CollectionNode, EntityNode, Money, VisibleEdge } from '../../../shared/graph';
import { useFormat } from '../../app/use-format';
import { PlaceLabel } from '../trace/PlaceLabel';
import { EvidenceLink } from '../workspace/EvidenceLink';
import type { EdgeRow, GraphOp } from './graph-protocol';

function MoneyList({ money }: { money: Money }) {
  const format = useFormat();
  const entries = Object.entries(money).filter(([, v]) => v > 0);
  if (entries.length === 0) return <span className="mt-muted">—</span>;
  return (
    <>
      {entries.map(([currency, minor]) => (
        <div key={currency}>{format.money(minor, currency)}</div>
      ))}
    </>
  );
}

export function NodeDetails({
  node,
  onOp,
  pathFrom,
  onPathFrom,
  onPathTo,
  onTrace,
  picked,
  onPick,
}: {
  node: EntityNode;
  onOp: (op: GraphOp) => void;
  pathFrom: number | null;
  onPathFrom: (node: number) => void;
  onPathTo: (node: number) => void;
  onTrace: (node: EntityNode) => void;
  /** Whether this place is picked for the investigator's own group. */
  picked: boolean;
  onPick: (node: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <aside className="mt-details-panel mt-graph-details" data-testid="graph-details">
      <h3>
        <PlaceLabel kind={node.idKind} value={node.value} holder={node.holder} />
      </h3>
      <dl className="mt-facts">
        <dt>{t('graph.details.kind')}</dt>
        <dd>{t(`graph.kind.${node.kind}`)}</dd>
        {node.institution ? (
          <>
            <dt>{t('graph.details.institution')}</dt>
            <dd>{node.institution}</dd>
          </>
        ) : null}
        <dt>{t('graph.details.in', { count: node.inCount })}</dt>
        <dd>
          <MoneyList money={node.in} />
        </dd>
        <dt>{t('graph.details.out', { count: node.outCount })}</dt>
        <dd>
          <MoneyList money={node.out} />
        </dd>
        <dt>{t('graph.details.hidden')}</dt>
        <dd>
          {t('graph.details.hiddenCounts', {
            in: format.count(node.hiddenIn),
            out: format.count(node.hiddenOut),
          })}
        </dd>
      </dl>
      <h4 className="mt-section-title">{t('graph.details.expand')}</h4>
      <ButtonGroup fill>
        <Button
          icon="arrow-left"
          onClick={() => onOp({ kind: 'expand', target: node.node, direction: 'in', hops: 1 })}
          data-testid="expand-in"
        >
          {t('graph.expand.in')}
        </Button>
        <Button
          icon="arrows-horizontal"
          onClick={() => onOp({ kind: 'expand', target: node.node, direction: 'both', hops: 1 })}
          data-testid="expand-both"
        >
          {t('graph.expand.both')}
        </Button>
        <Button
          icon="arrow-right"
          onClick={() => onOp({ kind: 'expand', target: node.node, direction: 'out', hops: 1 })}
          data-testid="expand-out"
        >
          {t('graph.expand.out')}
        </Button>
      </ButtonGroup>
      <Button
        icon="fork"
        onClick={() => onOp({ kind: 'expand', target: node.node, direction: 'out', hops: 2 })}
        data-testid="expand-out-2"
      >
        {t('graph.expand.twoHops')}
      </Button>
      <ButtonGroup fill>
        <Button
          icon={node.pinned ? 'unpin' : 'pin'}
          onClick={() => onOp({ kind: 'pin', refs: [node.node], pinned: !node.pinned })}
        >
          {node.pinned ? t('graph.unpin') : t('graph.pin')}
        </Button>
        <Button icon="eye-off" onClick={() => onOp({ kind: 'hide', refs: [node.node] })}>
          {t('graph.hide')}
        </Button>
        <Button icon="collapse-all" onClick={() => onOp({ kind: 'collapse', anchor: node.node })}>
          {t('graph.collapse')}
        </Button>
      </ButtonGroup>
      <Button
        icon="group-objects"
        active={picked}
        onClick={() => onPick(node.node)}
        data-testid="graph-pick-group"
      >
        {picked ? t('graph.group.picked') : t('graph.group.pick')}
      </Button>
      <h4 className="mt-section-title">{t('graph.details.paths')}</h4>
      <ButtonGroup fill>
        <Button
          icon="locate"
          onClick={() => onPathFrom(node.node)}
          active={pathFrom === node.node}
          data-testid="path-from"
        >
          {t('graph.path.from')}
        </Button>
        <Button
          icon="route"
          intent="primary"
          disabled={pathFrom === null || pathFrom === node.node}
          onClick={() => onPathTo(node.node)}
          data-testid="path-to"
        >
          {t('graph.path.to')}
        </Button>
      </ButtonGroup>
      <Button icon="flows" onClick={() => onTrace(node)}>
        {t('graph.traceFromHere')}
      </Button>
    </aside>
  );
}

export function CollectionDetails({ node, onOp }: { node: CollectionNode; onOp: (op: GraphOp) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <aside className="mt-details-panel mt-graph-details" data-testid="graph-details">
      <h3>{t('graph.collection.title', { count: node.count })}</h3>
      <div>
        {Object.entries(node.kinds).map(([kind, count]) => (
          <Tag key={kind} minimal className="mt-kind-tag">
            {t(`graph.kind.${kind}`)}: {format.count(count ?? 0)}
          </Tag>
        ))}
      </div>
      <dl className="mt-facts">
        {node.anchorFlow ? (
          <>
            <dt>{t('graph.collection.withAnchor', { count: node.anchorFlow.count })}</dt>
            <dd>
              <MoneyList money={node.anchorFlow.money} />
            </dd>
          </>
        ) : null}
        <dt>{t('graph.details.in', { count: 0 })}</dt>
        <dd>
          <MoneyList money={node.in} />
        </dd>
        <dt>{t('graph.details.out', { count: 0 })}</dt>
        <dd>
          <MoneyList money={node.out} />
        </dd>
        {Number.isFinite(node.first) ? (
          <>
            <dt>{t('graph.collection.period')}</dt>
            <dd>
              {format.date(node.first)} — {format.date(node.last)}
            </dd>
          </>
        ) : null}
      </dl>
      <Button
        icon="expand-all"
        intent="primary"
        onClick={() => onOp({ kind: 'expandCollection', target: node.id })}
        data-testid="expand-collection"
      >
        {t('graph.collection.expand')}
      </Button>
      <ButtonGroup fill>
        <Button
          onClick={() => onOp({ kind: 'split', target: node.id, by: 'amount', buckets: 4 })}
          data-testid="split-amount"
        >
          {t('graph.collection.splitAmount')}
        </Button>
        <Button onClick={() => onOp({ kind: 'split', target: node.id, by: 'date', buckets: 4 })}>
          {t('graph.collection.splitDate')}
        </Button>
      </ButtonGroup>
      <Button icon="eye-off" onClick={() => onOp({ kind: 'hide', refs: [node.id] })}>
        {t('graph.hide')}
      </Button>
    </aside>
  );
}

export function EdgeDetails({
  edge,
  rows,
  labels,
}: {
  edge: VisibleEdge;
  rows: EdgeRow[] | null;
  labels: { from: string; to: string };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <aside className="mt-details-panel mt-graph-details" data-testid="graph-edge-details">
      <h3>
        {labels.from} → {labels.to}
      </h3>
      <dl className="mt-facts">
        <dt>{t('graph.edge.sent')}</dt>
        <dd>
          <MoneyList money={edge.sent} />
        </dd>
        <dt>{t('graph.edge.count')}</dt>
        <dd>{format.count(edge.count)}</dd>
        <dt>{t('graph.edge.period')}</dt>
        <dd>
          {format.dateTime(edge.first)} — {format.dateTime(edge.last)}
        </dd>
      </dl>
      {rows === null ? <p className="mt-muted">{t('graph.edge.loading')}</p> : null}
      {rows && rows.length > 0 ? (
        <HTMLTable compact striped className="mt-table mt-rows-table" data-testid="edge-transfers">
          <thead>
            <tr>
              <th>{t('graph.edge.when')}</th>
              <th className="mt-num">{t('graph.edge.amount')}</th>
              <th>{t('graph.edge.source')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="mt-nowrap">{format.dateTime(row.at)}</td>
                <td className="mt-num">
                  {format.money(row.amountMinor, row.currency)}
                  {row.toAmountMinor !== undefined && row.toCurrency ? (
                    <div className="mt-muted">→ {format.money(row.toAmountMinor, row.toCurrency)}</div>
                  ) : null}
                </td>
                <td>
                  {row.evidence.map((e) => (
                    <div key={`${e.sha256}|${e.sheet}|${e.row}`}>
                      <EvidenceLink evidence={e} testId="edge-evidence" />
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      ) : null}
    </aside>
  );
}
