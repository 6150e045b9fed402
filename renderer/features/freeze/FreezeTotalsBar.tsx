import { HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { AmountsByCurrency, FreezeStatus, FreezeTotals } from '../../../shared/freeze';
import { useFormat } from '../../app/use-format';
import { STATUS_INTENT } from './status';

const STATUSES: FreezeStatus[] = ['proposed', 'approved', 'request-sent', 'frozen', 'refused', 'released'];

function Amounts({ amounts }: { amounts: AmountsByCurrency }) {
  const format = useFormat();
  const currencies = Object.keys(amounts).sort((a, b) =>
    a === 'KZT' ? -1 : b === 'KZT' ? 1 : a.localeCompare(b),
  );
  if (currencies.length === 0) return <span className="mt-muted">—</span>;
  return (
    <>
      {currencies.map((c) => (
        <div key={c}>{format.money(amounts[c] ?? 0, c)}</div>
      ))}
    </>
  );
}

/** The numbers a supervisor asks for first: how much is sought and how much is frozen now. */
export function FreezeTotalsBar({ totals }: { totals: FreezeTotals }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <header className="mt-freeze-totals" data-testid="freeze-totals">
      <div>
        <div className="mt-muted mt-small">{t('freeze.totals.sought')}</div>
        <div className="mt-big" data-testid="freeze-total-sought">
          <Amounts amounts={totals.sought} />
        </div>
      </div>
      <div>
        <div className="mt-muted mt-small">{t('freeze.totals.frozen')}</div>
        <div className="mt-big mt-frozen" data-testid="freeze-total-frozen">
          <Amounts amounts={totals.frozen} />
        </div>
      </div>
      <div className="mt-freeze-statuses">
        {STATUSES.map((s) => (
          <Tag key={s} minimal intent={STATUS_INTENT[s]} data-testid={`freeze-count-${s}`}>
            {t(`freeze.status.${s}`)}: {format.count(totals.byStatus[s].count)}
          </Tag>
        ))}
      </div>
    </header>
  );
}

/** Per institution: how many requests, what is sought and what each has frozen. */
export function InstitutionTotals({ totals }: { totals: FreezeTotals }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <HTMLTable compact striped className="mt-table" data-testid="freeze-by-institution">
      <thead>
        <tr>
          <th>{t('freeze.columns.institution')}</th>
          <th className="mt-num">{t('freeze.columns.requests')}</th>
          <th className="mt-num">{t('freeze.totals.sought')}</th>
          <th className="mt-num">{t('freeze.totals.frozen')}</th>
        </tr>
      </thead>
      <tbody>
        {totals.byInstitution.map((row) => (
          <tr key={row.institution}>
            <td>{row.institution}</td>
            <td className="mt-num">{format.count(row.count)}</td>
            <td className="mt-num">
              <Amounts amounts={row.sought} />
            </td>
            <td className="mt-num">
              <Amounts amounts={row.frozen} />
            </td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}
