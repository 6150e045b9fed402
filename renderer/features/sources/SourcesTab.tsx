import { Button, HTMLTable, Intent, NonIdealState, Tag } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { findPeriodGaps, statementPeriods } from '../../../shared/case/statement-gaps';
import { PeriodGaps } from './PeriodGaps';
import { DuplicateReviewDialog } from '../duplicates/DuplicateReviewDialog';
import { useTranslation } from 'react-i18next';
import { sources } from '../../db';
import { useCaseQuery } from '../lock/use-case-query';
import { useFormat } from '../../app/use-format';
import { ImportDialog } from './ImportDialog';
import { SourceDetails } from './SourceDetails';
import { useImporter } from './use-importer';
import { useWorkspaceNav } from '../workspace/workspace-nav';

export function SourcesTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useCaseQuery(() => sources.listSources(caseId), [caseId]);
  const nav = useWorkspaceNav();
  const [reviewing, setReviewing] = useState(false);
  const [selected, setSelected] = useState<string | null>(nav.focusedRow?.sha256 ?? null);
  const importer = useImporter(caseId, nav.actor);
  const gaps = useMemo(() => (list ? findPeriodGaps(statementPeriods(list)) : []), [list]);

  const importButton = (
    <Button intent={Intent.PRIMARY} icon="import" onClick={importer.start} data-testid="import-statements">
      {t('sources.import')}
    </Button>
  );
  const dialog = <ImportDialog importer={importer} />;

  if (list === undefined) return null;
  if (list.length === 0) {
    return (
      <div className="mt-tab-empty" data-testid="empty-sources">
        <NonIdealState
          icon="import"
          title={t('empty.sources.title')}
          description={t('empty.sources.description')}
          action={importButton}
        />
        {dialog}
      </div>
    );
  }

  const current = list.find((source) => source.sha256 === selected) ?? null;
  return (
    <div className="mt-split">
      <div className="mt-tab-panel mt-split-main">
        <header className="mt-panel-header">
          <div>
            <h2>{t('sources.title')}</h2>
            <span className="mt-muted">{t('sources.count', { count: list.length })}</span>
          </div>
          <div className="mt-actions">
            <Button
              icon="duplicate"
              onClick={() => setReviewing(true)}
              disabled={list.length < 2}
              data-testid="open-duplicates"
            >
              {t('duplicates.open')}
            </Button>
            {importButton}
          </div>
        </header>
        <PeriodGaps gaps={gaps} />
        <HTMLTable interactive compact striped className="mt-table" data-testid="source-table">
          <thead>
            <tr>
              <th>{t('sources.columns.file')}</th>
              <th>{t('sources.columns.format')}</th>
              <th className="mt-num">{t('sources.columns.transactions')}</th>
              <th className="mt-num">{t('sources.columns.rejected')}</th>
              <th className="mt-num">{t('sources.columns.identifiers')}</th>
              <th>{t('sources.columns.checks')}</th>
              <th className="mt-num">{t('sources.columns.credit')}</th>
              <th className="mt-num">{t('sources.columns.debit')}</th>
              <th className="mt-num">{t('sources.columns.imported')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((source) => {
              const failed = source.checks.filter((check) => !check.ok).length;
              const currencies = Object.entries(source.totals);
              return (
                <tr
                  key={source.sha256}
                  onClick={() => setSelected(source.sha256)}
                  className={source.sha256 === selected ? 'mt-selected' : undefined}
                  data-testid="source-row"
                >
                  <td className="mt-strong mt-ellipsis" title={`${source.name}\nSHA-256 ${source.sha256}`}>
                    {source.name}
                  </td>
                  <td>
                    <Tag minimal>{source.format.toUpperCase()}</Tag>
                    {source.encoding && source.encoding !== 'utf-8' ? (
                      <span className="mt-muted mt-small"> {source.encoding}</span>
                    ) : null}
                  </td>
                  <td className="mt-num">{format.count(source.transactionCount)}</td>
                  <td className="mt-num">
                    {source.rejected.length > 0 ? (
                      <Tag intent={Intent.WARNING} minimal>
                        {format.count(source.rejected.length)}
                      </Tag>
                    ) : (
                      '0'
                    )}
                  </td>
                  <td className="mt-num">{format.count(source.identifierCount)}</td>
                  <td>
                    {source.checks.length === 0 ? (
                      <span className="mt-muted">—</span>
                    ) : failed > 0 ? (
                      <Tag intent={Intent.DANGER} minimal icon="warning-sign">
                        {t('sources.checksFailed', { count: failed })}
                      </Tag>
                    ) : (
                      <Tag intent={Intent.SUCCESS} minimal icon="tick">
                        {t('sources.checksOk', { count: source.checks.length })}
                      </Tag>
                    )}
                  </td>
                  <td className="mt-num">
                    {currencies.map(([currency, sums]) => (
                      <div key={currency}>{format.money(sums.creditMinor, currency)}</div>
                    ))}
                  </td>
                  <td className="mt-num">
                    {currencies.map(([currency, sums]) => (
                      <div key={currency}>{format.money(sums.debitMinor, currency)}</div>
                    ))}
                  </td>
                  <td className="mt-num">{format.dateTime(source.importedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      </div>
      {current ? (
        <SourceDetails
          key={current.sha256}
          source={current}
          focusedRow={nav.focusedRow?.sha256 === current.sha256 ? nav.focusedRow : null}
          onClose={() => setSelected(null)}
        />
      ) : null}
      {dialog}
      {reviewing ? (
        <DuplicateReviewDialog caseId={caseId} isOpen onClose={() => setReviewing(false)} />
      ) : null}
    </div>
  );
}
