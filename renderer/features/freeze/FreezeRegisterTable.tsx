import { Checkbox, HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { FreezeRequest } from '../../../shared/freeze';
import { caseDayStart } from '../../../shared/format/case-day';
import { useFormat } from '../../app/use-format';
import { PlaceLabel } from '../trace/PlaceLabel';
import { EvidenceLink } from '../workspace/EvidenceLink';
import { STATUS_INTENT } from './status';

/** One row per asset: what is sought where, on what basis, and how far its request has gone. */
export function FreezeRegisterTable({
  requests,
  selected,
  onSelect,
}: {
  requests: FreezeRequest[];
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const all = requests.length > 0 && requests.every((r) => selected.has(r.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  return (
    <HTMLTable
      compact
      striped
      interactive
      className="mt-table mt-freeze-register"
      data-testid="freeze-register"
    >
      <thead>
        <tr>
          <th>
            <Checkbox
              checked={all}
              indeterminate={!all && selected.size > 0}
              onChange={() => onSelect(all ? new Set() : new Set(requests.map((r) => r.id)))}
              aria-label={t('freeze.selectAll')}
            />
          </th>
          <th>{t('freeze.columns.asset')}</th>
          <th>{t('freeze.columns.holder')}</th>
          <th>{t('freeze.columns.institution')}</th>
          <th className="mt-num">{t('freeze.columns.amount')}</th>
          <th>{t('freeze.columns.status')}</th>
          <th>{t('freeze.columns.evidence')}</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <tr key={r.id} data-testid="freeze-row" data-status={r.status} onClick={() => toggle(r.id)}>
            <td onClick={(e) => e.stopPropagation()}>
              <Checkbox
                checked={selected.has(r.id)}
                onChange={() => toggle(r.id)}
                aria-label={r.identifier}
              />
            </td>
            <td>
              <PlaceLabel kind={r.key.slice(0, r.key.indexOf(':'))} value={r.identifier} />
              <div className="mt-muted mt-small">{t(`freeze.kind.${r.kind}`)}</div>
            </td>
            <td>
              {r.holder || <span className="mt-muted">—</span>}
              {r.holderId ? <div className="mt-muted mt-small mt-mono">{r.holderId}</div> : null}
            </td>
            <td>{r.institution}</td>
            <td className="mt-num">
              <div className="mt-strong">{format.money(r.amountMinor, r.currency)}</div>
              {r.amountReason ? (
                <div className="mt-muted mt-small" title={r.amountReason}>
                  {t('freeze.manualAmount')}
                </div>
              ) : null}
              {r.frozen ? (
                <div className="mt-small mt-frozen">
                  {t('freeze.frozenAmount', { amount: format.money(r.frozen.amountMinor, r.currency) })}
                </div>
              ) : null}
            </td>
            <td>
              <Tag minimal intent={STATUS_INTENT[r.status]}>
                {t(`freeze.status.${r.status}`)}
              </Tag>
              <StatusFacts request={r} />
            </td>
            <td onClick={(e) => e.stopPropagation()}>
              {r.evidence.slice(0, 2).map((e) => (
                <div key={`${e.sha256}:${e.sheet}:${e.row}`} className="mt-small">
                  <EvidenceLink evidence={e} testId="freeze-evidence" />
                </div>
              ))}
              {r.evidence.length > 2 ? (
                <div className="mt-muted mt-small">
                  {t('freeze.moreEvidence', { count: r.evidence.length - 2 })}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}

function StatusFacts({ request: r }: { request: FreezeRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Workflow dates are calendar days (YYYY-MM-DD); shown as the UI's dates.
  const day = (iso: string) => {
    const start = caseDayStart(iso);
    return start === null ? iso : format.date(start);
  };
  const line = r.refused
    ? t('freeze.facts.refused', { ...r.refused, date: day(r.refused.date) })
    : r.released
      ? t('freeze.facts.released', { ...r.released, date: day(r.released.date) })
      : r.frozen
        ? t('freeze.facts.frozen', { ...r.frozen, date: day(r.frozen.date) })
        : r.request
          ? t('freeze.facts.sent', { ...r.request, date: day(r.request.date) })
          : null;
  return line ? <div className="mt-muted mt-small">{line}</div> : null;
}
