import { Button, Callout, HTMLTable, Intent, Spinner, Tab, Tabs, Tag } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceSummary } from '../../db/records';
import { sources } from '../../db';
import { useCaseQuery } from '../lock/use-case-query';
import { useFormat } from '../../app/use-format';
import type { SourceRowRef } from '../workspace/workspace-nav';
import { CheckMessage } from './CheckMessage';

const PAGE = 200;

/** The right-hand panel for one imported file: where it came from, what it holds, what failed. */
interface SourceDetailsProps {
  source: SourceSummary;
  /** A row to open and highlight, when the investigator came here from a mention. */
  focusedRow: SourceRowRef | null;
  onClose: () => void;
}

export function SourceDetails({ source, focusedRow, onClose }: SourceDetailsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [tab, setTab] = useState('rows');
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (!focusedRow) return;
    void sources
      .transactionIndexOf(source.caseId, source.sha256, focusedRow.sheet, focusedRow.row)
      .then((index) => {
        if (index >= 0) {
          setTab('rows');
          setOffset(Math.floor(index / PAGE) * PAGE);
        }
      });
  }, [focusedRow, source.caseId, source.sha256]);
  const rows = useCaseQuery(
    () => sources.transactionsPage(source.caseId, source.sha256, offset, PAGE),
    [source.caseId, source.sha256, offset],
  );
  // Read only when their tab is open: a big statement has hundreds of thousands of them.
  const invalid = useCaseQuery(
    () => (tab === 'invalid' ? sources.invalidOf(source.caseId, source.sha256) : Promise.resolve(null)),
    [tab, source.caseId, source.sha256],
  );
  const failedChecks = source.checks.filter((check) => !check.ok);

  return (
    <aside className="mt-details-panel" data-testid="source-details">
      <header className="mt-panel-header">
        <h3 className="mt-ellipsis" title={source.name}>
          {source.name}
        </h3>
        <Button variant="minimal" icon="cross" onClick={onClose} aria-label={t('common.close')} />
      </header>
      <dl className="mt-facts">
        <dt>SHA-256</dt>
        <dd className="mt-mono mt-break">{source.sha256}</dd>
        <dt>{t('sources.details.size')}</dt>
        <dd>{t('sources.details.bytes', { size: format.count(source.size) })}</dd>
        <dt>{t('sources.columns.format')}</dt>
        <dd>
          {source.format.toUpperCase()}
          {source.encoding ? ` · ${source.encoding}` : ''}
        </dd>
        <dt>{t('sources.columns.imported')}</dt>
        <dd>
          {format.dateTime(source.importedAt)} ·{' '}
          {t('sources.details.importer', { version: source.importerVersion })}
        </dd>
        <dt>{t('sources.details.rows')}</dt>
        <dd data-testid="row-accounting">
          {t('sources.details.accounting', {
            transactions: format.count(source.rows.transactions),
            rejected: format.count(source.rows.rejected),
            other: format.count(
              source.rows.preamble + source.rows.header + source.rows.totals + source.rows.other,
            ),
            blank: format.count(source.rows.blank),
          })}
        </dd>
      </dl>
      {source.accounts.map((account) => (
        <Callout key={`${account.sheet}:${account.row}`} compact icon="bank-account" className="mt-account">
          <strong>{account.holderName ?? t('sources.details.unknownHolder')}</strong>
          {account.idNumber ? <span className="mt-mono"> · {account.idNumber}</span> : null}
          <div className="mt-mono mt-small">
            {[account.account, account.card, account.phone].filter(Boolean).join(' · ')}
          </div>
          <div className="mt-muted mt-small">
            {account.sheet}
            {account.periodFrom !== undefined && account.periodTo !== undefined
              ? ` · ${format.date(account.periodFrom)} – ${format.date(account.periodTo)}`
              : ''}
          </div>
        </Callout>
      ))}
      {failedChecks.length > 0 ? (
        <Callout intent={Intent.DANGER} icon="warning-sign" compact title={t('sources.details.checksFailed')}>
          <ul className="mt-list">
            {failedChecks.map((check, i) => (
              <li key={i}>
                <CheckMessage check={check} />{' '}
                <span className="mt-muted">
                  ({check.sheet}, {t('sources.details.rowsList', { rows: check.rows.slice(0, 8).join(', ') })}
                  )
                </span>
              </li>
            ))}
          </ul>
        </Callout>
      ) : null}
      <Tabs
        id="source-details-tabs"
        selectedTabId={tab}
        onChange={(next) => setTab(String(next))}
        renderActiveTabPanelOnly
      >
        <Tab
          id="rows"
          title={t('sources.details.transactions')}
          tagContent={format.count(source.transactionCount)}
          panel={
            <div>
              <HTMLTable compact striped className="mt-table mt-rows-table">
                <thead>
                  <tr>
                    <th>{t('sources.details.where')}</th>
                    <th>{t('sources.details.date')}</th>
                    <th className="mt-num">{t('sources.details.amount')}</th>
                    <th>{t('sources.details.counterparty')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(rows ?? []).map((row) => (
                    <tr
                      key={`${row.sheet}:${row.row}`}
                      title={row.description}
                      className={
                        focusedRow?.sheet === row.sheet && focusedRow.row === row.row
                          ? 'mt-selected'
                          : undefined
                      }
                      data-testid={
                        focusedRow?.sheet === row.sheet && focusedRow.row === row.row
                          ? 'focused-row'
                          : undefined
                      }
                    >
                      <td className="mt-nowrap mt-muted">
                        {row.sheet}:{row.row}
                      </td>
                      <td className="mt-nowrap">
                        {row.hasTime ? format.dateTime(row.bookedAt) : format.date(row.bookedAt)}
                      </td>
                      <td className={`mt-num ${row.direction === 'in' ? 'mt-in' : 'mt-out'}`}>
                        {row.direction === 'in' ? '+' : '−'}
                        {format.money(row.amountMinor, row.currency)}
                      </td>
                      <td className="mt-ellipsis">
                        {row.counterparty.name ??
                          row.counterparty.card ??
                          row.counterparty.phone ??
                          row.counterparty.account ??
                          row.description}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </HTMLTable>
              <div className="mt-pager">
                <Button
                  small
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE))}
                  icon="chevron-left"
                />
                <span className="mt-muted">
                  {t('sources.details.page', {
                    from: format.count(Math.min(source.transactionCount, offset + 1)),
                    to: format.count(Math.min(source.transactionCount, offset + PAGE)),
                    total: format.count(source.transactionCount),
                  })}
                </span>
                <Button
                  small
                  disabled={offset + PAGE >= source.transactionCount}
                  onClick={() => setOffset(offset + PAGE)}
                  icon="chevron-right"
                />
              </div>
            </div>
          }
        />
        <Tab
          id="rejected"
          title={t('sources.details.rejected')}
          tagContent={format.count(source.rejected.length)}
          panel={
            source.rejected.length === 0 ? (
              <p className="mt-muted">{t('sources.details.noRejected')}</p>
            ) : (
              <HTMLTable compact striped className="mt-table" data-testid="rejected-table">
                <thead>
                  <tr>
                    <th>{t('sources.details.sheet')}</th>
                    <th className="mt-num">{t('sources.details.row')}</th>
                    <th>{t('sources.details.column')}</th>
                    <th>{t('sources.details.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {source.rejected.slice(0, 500).map((row, i) => (
                    <tr key={i}>
                      <td>{row.sheet}</td>
                      <td className="mt-num">{row.row}</td>
                      <td>{row.column ?? '—'}</td>
                      <td>{row.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </HTMLTable>
            )
          }
        />
        <Tab
          id="invalid"
          title={t('sources.details.invalid')}
          tagContent={format.count(source.invalidCount)}
          panel={
            source.invalidCount === 0 ? (
              <p className="mt-muted">{t('sources.details.noInvalid')}</p>
            ) : !invalid ? (
              <Spinner size={24} aria-label={t('sources.details.loadingInvalid')} />
            ) : (
              <HTMLTable compact striped className="mt-table">
                <thead>
                  <tr>
                    <th>{t('sources.details.kind')}</th>
                    <th>{t('sources.details.raw')}</th>
                    <th>{t('sources.details.reason')}</th>
                    <th>{t('sources.details.where')}</th>
                  </tr>
                </thead>
                <tbody>
                  {invalid.slice(0, 500).map((item, i) => (
                    <tr key={i}>
                      <td>
                        <Tag minimal>{t(`entities.kinds.${item.kind}`)}</Tag>
                      </td>
                      <td className="mt-mono mt-break">{item.raw}</td>
                      {/* The English message (for logs and the CLI) says which rule, in detail. */}
                      <td title={item.message}>{t(`sources.details.reasons.${item.reason}`)}</td>
                      <td className="mt-muted mt-break">
                        {item.sheet}:{item.row}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </HTMLTable>
            )
          }
        />
      </Tabs>
    </aside>
  );
}
