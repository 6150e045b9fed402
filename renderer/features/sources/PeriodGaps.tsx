import { Callout, Intent } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { PeriodGap } from '../../../shared/case/statement-gaps';
import { useFormat } from '../../app/use-format';

/** Missing and doubly covered periods of one account across the imported statements. */
export function PeriodGaps({ gaps }: { gaps: PeriodGap[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (gaps.length === 0) return null;
  const missing = gaps.filter((gap) => gap.kind === 'gap');
  const overlaps = gaps.filter((gap) => gap.kind === 'overlap');
  const line = (gap: PeriodGap) => (
    <li key={`${gap.account}:${gap.from}`}>
      <span className="mt-mono">{gap.account}</span>: {format.date(gap.from)} – {format.date(gap.to)} (
      {t('sources.gaps.days', { count: gap.days })}) ·{' '}
      <span className="mt-muted">
        {gap.before.file} → {gap.after.file}
      </span>
    </li>
  );
  return (
    <>
      {missing.length > 0 ? (
        <Callout
          intent={Intent.WARNING}
          icon="calendar"
          compact
          title={t('sources.gaps.missingTitle')}
          data-testid="period-gaps"
        >
          <p className="mt-small">{t('sources.gaps.missingExplain')}</p>
          <ul className="mt-list">{missing.map(line)}</ul>
        </Callout>
      ) : null}
      {overlaps.length > 0 ? (
        <Callout intent={Intent.PRIMARY} icon="duplicate" compact title={t('sources.gaps.overlapTitle')}>
          <p className="mt-small">{t('sources.gaps.overlapExplain')}</p>
          <ul className="mt-list">{overlaps.map(line)}</ul>
        </Callout>
      ) : null}
    </>
  );
}
