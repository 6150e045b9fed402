import { Button, Callout, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { TraceJson } from '../../../shared/investigate';
import { useFormat } from '../../app/use-format';
import { EvidenceLink } from '../workspace/EvidenceLink';
import { PlaceLabel } from './PlaceLabel';

type Reached = TraceJson['reached'][number];

/**
 * Why a place holds what the trace says: the paths, hop by hop, that add up to its amount, each
 * transfer with its date, the amount attributed to it and the rows it rests on.
 */
export function PathsPanel({
  json,
  reached,
  onMark,
}: {
  json: TraceJson;
  reached: Reached;
  /** Re-run with this place as an end point ('stop') or followed through despite being one. */
  onMark: (key: string, mark: 'stop' | 'continue') => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const explained = reached.paths.reduce((n, p) => n + p.amountMinor, 0);
  return (
    <aside className="mt-details-panel mt-trace-paths" data-testid="trace-paths">
      <h3>
        <PlaceLabel kind={reached.kind} value={reached.value} holder={reached.holder} />
      </h3>
      <dl className="mt-facts">
        <dt>{t('trace.paths.amount')}</dt>
        <dd className="mt-strong">{format.money(reached.amountMinor, json.currency)}</dd>
        {reached.nativeCurrency !== json.currency ? (
          <>
            <dt>{t('trace.paths.native')}</dt>
            <dd>{format.money(reached.nativeAmountMinor, reached.nativeCurrency)}</dd>
          </>
        ) : null}
        <dt>{t('trace.paths.held')}</dt>
        <dd>{format.money(reached.heldMinor, json.currency)}</dd>
        <dt>{t('trace.paths.hops')}</dt>
        <dd>{reached.hops}</dd>
      </dl>
      <Button
        small
        icon={reached.endPoint ? 'arrow-right' : 'stop'}
        onClick={() => onMark(`${reached.kind}:${reached.value}`, reached.endPoint ? 'continue' : 'stop')}
        data-testid="trace-mark"
      >
        {reached.endPoint ? t('trace.paths.continueHere') : t('trace.paths.stopHere')}
      </Button>
      <h4 className="mt-section-title">{t('trace.paths.title', { count: reached.paths.length })}</h4>
      {explained < reached.amountMinor ? (
        <Callout intent="none" compact className="mt-gap">
          {t('trace.paths.partial', {
            shown: format.money(explained, json.currency),
            total: format.money(reached.amountMinor, json.currency),
          })}
        </Callout>
      ) : null}
      <ol className="mt-paths">
        {reached.paths.map((path, i) => (
          <li key={i} className="mt-path">
            <div className="mt-path-amount">
              <Tag minimal intent="primary">
                {format.money(path.amountMinor, json.currency)}
              </Tag>
            </div>
            <ol className="mt-hops">
              {path.hops.map((hop, j) => (
                <li key={j} className="mt-hop">
                  <div className="mt-hop-line">
                    <span className="mt-muted mt-nowrap">{format.dateTime(Date.parse(hop.at))}</span>
                    <span className="mt-num mt-strong">{format.money(hop.amountMinor, json.currency)}</span>
                    {hop.nativeCurrency !== json.currency ? (
                      <span className="mt-num mt-muted">
                        {format.money(hop.nativeAmountMinor, hop.nativeCurrency)}
                      </span>
                    ) : null}
                  </div>
                  <div className="mt-hop-parties">
                    <PlaceLabel kind={hop.from.kind} value={hop.from.value} holder={hop.from.holder} />
                    <span className="mt-muted">→</span>
                    <PlaceLabel kind={hop.to.kind} value={hop.to.value} holder={hop.to.holder} />
                  </div>
                  {hop.via?.map((v, k) => (
                    <div key={k} className="mt-muted mt-small">
                      {t(`trace.via.${v.kind}`)}: {v.detail}
                    </div>
                  ))}
                  <div className="mt-hop-evidence">
                    {hop.evidence.map((e) => (
                      <EvidenceLink
                        key={`${e.sha256}|${e.sheet}|${e.row}`}
                        evidence={e}
                        testId="trace-evidence"
                      />
                    ))}
                  </div>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </aside>
  );
}
