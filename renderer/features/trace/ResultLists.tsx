import { HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { TraceJson } from '../../../shared/investigate';
import { useFormat } from '../../app/use-format';
import { findingText } from './finding-text';
import type { TraceRun } from './trace-protocol';
import { PlaceLabel } from './PlaceLabel';

/** Where a freeze would catch the money, and who can do it. */
export function CandidateList({ json }: { json: TraceJson }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (json.freezeCandidates.length === 0) return <p className="mt-muted">{t('trace.candidates.none')}</p>;
  return (
    <HTMLTable compact striped className="mt-table" data-testid="trace-candidates">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('trace.reached.place')}</th>
          <th className="mt-num">{t('trace.candidates.amount', { currency: json.currency })}</th>
          <th className="mt-num">{t('trace.reached.native')}</th>
          <th>{t('trace.candidates.institution')}</th>
        </tr>
      </thead>
      <tbody>
        {json.freezeCandidates.slice(0, 200).map((c, i) => (
          <tr key={`${c.kind}:${c.value}`}>
            <td className="mt-muted">{i + 1}</td>
            <td>
              <PlaceLabel kind={c.kind} value={c.value} holder={c.holder} />
            </td>
            <td className="mt-num mt-strong">{format.money(c.amountMinor, json.currency)}</td>
            <td className="mt-num mt-muted">
              {c.nativeCurrency === json.currency ? '' : format.money(c.nativeAmountMinor, c.nativeCurrency)}
            </td>
            <td title={c.institutionBasis}>
              {c.institution || <span className="mt-muted">{t('trace.candidates.unknownInstitution')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}

/** A threshold as read: a number, or per-currency limits (`KZT 1 000 000, 7 000 000; USDT 1 000`). */
function thresholdText(value: unknown, count: (n: number) => string): string {
  if (typeof value === 'number') return Number.isInteger(value) ? count(value) : String(value);
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, number[]>)
      .map(([currency, limits]) => `${currency} ${limits.map(count).join(', ')}`)
      .join('; ');
  return String(value);
}

/** Findings with the numbers behind them and the thresholds used, so an investigator can check each. */
export function PatternList({ json }: { json: TraceJson }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (json.patterns.length === 0) return <p className="mt-muted">{t('trace.patterns.none')}</p>;
  return (
    <ul className="mt-findings" data-testid="trace-patterns">
      {json.patterns.slice(0, 100).map((f, i) => (
        <li key={i} className="mt-finding">
          <div>
            <Tag minimal intent="warning">
              {t(`trace.patterns.kind.${f.kind}`)}
            </Tag>{' '}
            {f.nodes[0] ? (
              <PlaceLabel kind={f.nodes[0].kind} value={f.nodes[0].value} holder={f.nodes[0].holder} />
            ) : null}
            <span className="mt-muted mt-small">
              {' '}
              {t('trace.patterns.score', { score: Math.round(f.score * 100) })}
            </span>
          </div>
          <div className="mt-small">{findingText(f, t, format)}</div>
          <div className="mt-muted mt-small">
            {t('trace.patterns.evidence', { count: f.evidence.length })} ·{' '}
            {Object.entries(f.thresholds)
              .map(
                ([k, v]) =>
                  `${t(`trace.thresholds.keys.${k}`, { defaultValue: k })}: ${thresholdText(v, format.count)}`,
              )
              .join(' · ')}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The same seed and bounds under every method, side by side: where the methods agree, and where not. */
export function MethodComparison({
  compared,
  currency,
}: {
  compared: Record<string, TraceRun>;
  currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const methods = Object.keys(compared);
  const places = new Map<string, { kind: string; value: string; holder?: string | undefined }>();
  for (const m of methods)
    for (const r of compared[m]?.json.freezeCandidates.slice(0, 10) ?? [])
      places.set(`${r.kind}:${r.value}`, { kind: r.kind, value: r.value, holder: r.holder });
  const heldBy = (method: string, key: string) =>
    compared[method]?.json.reached.find((r) => `${r.kind}:${r.value}` === key)?.heldMinor ?? 0;
  return (
    <HTMLTable compact striped className="mt-table" data-testid="trace-compare">
      <thead>
        <tr>
          <th>{t('trace.reached.place')}</th>
          {methods.map((m) => (
            <th key={m} className="mt-num">
              {t(`trace.method.${m}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="mt-muted">{t('trace.compare.reached')}</td>
          {methods.map((m) => (
            <td key={m} className="mt-num">
              {compared[m]?.json.reached.length ?? 0}
            </td>
          ))}
        </tr>
        {[...places].map(([key, place]) => (
          <tr key={key}>
            <td>
              <PlaceLabel kind={place.kind} value={place.value} holder={place.holder} />
            </td>
            {methods.map((m) => (
              <td key={m} className="mt-num">
                {format.money(heldBy(m, key), currency)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}
