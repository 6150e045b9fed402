import { Callout, HTMLTable, Intent } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { verifyAuditChain, type AuditEntry, type ChainVerdict } from '../../../shared/audit/chain';
import { cases } from '../../db';
import { useCaseQuery } from '../lock/use-case-query';
import { isUnreadable, type AuditLogEntry } from '../../db/audit';
import { useFormat } from '../../app/use-format';

export function AuditTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = useCaseQuery(() => cases.auditLog(caseId), [caseId]);
  if (!entries) return null;
  const verdict = verdictOf(caseId, entries);

  return (
    <div className="mt-tab-panel" data-testid="audit-tab">
      <div className="mt-tab-intro">
        <h2>{t('empty.audit.title')}</h2>
        <p className="mt-muted">{t('empty.audit.description')}</p>
      </div>
      {verdict.ok ? (
        <Callout intent={Intent.SUCCESS} icon="endorsed" compact data-testid="audit-verdict">
          {t('audit.intact', { count: verdict.entries, head: verdict.headHash.slice(0, 16) })}
        </Callout>
      ) : (
        <Callout intent={Intent.DANGER} icon="error" compact data-testid="audit-verdict">
          {t('audit.broken', { seq: verdict.seq + 1, detail: t(`audit.problems.${verdict.problem}`) })}
        </Callout>
      )}
      <HTMLTable compact striped className="mt-table mt-audit-table">
        <thead>
          <tr>
            <th className="mt-num">{t('audit.columns.seq')}</th>
            <th>{t('audit.columns.at')}</th>
            <th>{t('audit.columns.actor')}</th>
            <th>{t('audit.columns.action')}</th>
            <th>{t('audit.columns.details')}</th>
            <th>{t('audit.columns.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) =>
            isUnreadable(entry) ? (
              <tr key={entry.seq} data-testid="audit-row" className="mt-row-rejected">
                <td className="mt-num">{entry.seq + 1}</td>
                <td colSpan={5} className="mt-muted">
                  {t('audit.unreadable')}
                </td>
              </tr>
            ) : (
              <tr
                key={entry.seq}
                data-testid="audit-row"
                className={!verdict.ok && entry.seq === verdict.seq ? 'mt-row-rejected' : undefined}
              >
                <td className="mt-num">{entry.seq + 1}</td>
                <td className="mt-nowrap">{format.dateTime(entry.at)}</td>
                <td>{entry.actor || t('audit.anonymous')}</td>
                <td>{t(`audit.actions.${entry.action}`)}</td>
                <td className="mt-details">
                  {Object.entries(entry.details)
                    .map(
                      ([key, value]) =>
                        `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
                    )
                    .join(' · ')}
                </td>
                <td className="mt-mono mt-muted" title={entry.hash}>
                  {entry.hash.slice(0, 12)}…
                </td>
              </tr>
            ),
          )}
        </tbody>
      </HTMLTable>
    </div>
  );
}

/**
 * The chain verdict, where an encrypted entry that fails decryption (altered, damaged or moved on
 * disk) breaks the chain at its place like an edited entry does.
 */
function verdictOf(caseId: string, entries: readonly AuditLogEntry[]): ChainVerdict | UnreadableVerdict {
  const first = entries.findIndex(isUnreadable);
  if (first < 0) return verifyAuditChain(caseId, entries as AuditEntry[]);
  const before = verifyAuditChain(caseId, entries.slice(0, first) as AuditEntry[]);
  if (!before.ok) return before;
  return { ok: false, seq: (entries[first] as AuditLogEntry).seq, problem: 'unreadable' };
}

interface UnreadableVerdict {
  ok: false;
  seq: number;
  problem: 'unreadable';
}
