import {
  Button,
  Callout,
  Dialog,
  DialogBody,
  DialogFooter,
  HTMLTable,
  Intent,
  NonIdealState,
  Spinner,
  Tag,
} from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/dedupe';
import { duplicates } from '../../db';
import { useFormat } from '../../app/use-format';
import { rowId, type DuplicateReview, type ReviewRow } from './review-data';
import { runDuplicateReview } from './run-review';
import { useWorkspaceNav } from '../workspace/workspace-nav';

const SHOWN = 200;

/** Candidate duplicates, confirmed or rejected by the investigator; nothing is ever merged silently. */
export function DuplicateReviewDialog({
  caseId,
  isOpen,
  onClose,
}: {
  caseId: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [review, setReview] = useState<DuplicateReview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const nav = useWorkspaceNav();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setReview(await runDuplicateReview(caseId));
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }, [caseId]);

  // Mounted only while open (see SourcesTab), so each opening starts a fresh search.
  useEffect(() => {
    let current = true;
    runDuplicateReview(caseId).then(
      (next) => current && setReview(next),
      (error: unknown) => current && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [caseId]);

  const decide = async (pairs: DuplicateCandidate[], decision: 'confirmed' | 'rejected') => {
    setBusy(true);
    try {
      await duplicates.decide(caseId, pairs, decision, nav.actor);
      await load();
    } finally {
      setBusy(false);
    }
  };

  const strong = review?.queue.filter((candidate) => candidate.strong) ?? [];
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={t('duplicates.title')}
      icon="duplicate"
      className="mt-import-dialog-wide"
    >
      <DialogBody>
        <p className="mt-small">{t('duplicates.explain')}</p>
        {problem ? <Callout intent={Intent.DANGER}>{problem}</Callout> : null}
        {!review && !problem ? (
          <div className="mt-reading">
            <Spinner size={20} />
            <span>{t('duplicates.searching')}</span>
          </div>
        ) : null}
        {review ? (
          <>
            <p className="mt-muted" data-testid="duplicate-summary">
              {t('duplicates.summary', {
                queue: review.queue.length,
                strong: strong.length,
                confirmed: review.confirmed,
                rejected: review.rejected,
              })}
            </p>
            {review.queue.length === 0 ? (
              <NonIdealState icon="tick-circle" title={t('duplicates.none')} />
            ) : (
              <div className="mt-preview-scroll">
                <HTMLTable compact striped className="mt-table" data-testid="duplicate-table">
                  <thead>
                    <tr>
                      <th>{t('duplicates.kind')}</th>
                      <th>{t('duplicates.sideA')}</th>
                      <th>{t('duplicates.sideB')}</th>
                      <th>{t('duplicates.evidence')}</th>
                      <th className="mt-num">{t('duplicates.score')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {review.queue.slice(0, SHOWN).map((candidate) => (
                      <tr key={`${rowId(candidate.a)}|${rowId(candidate.b)}`} data-testid="duplicate-row">
                        <td>
                          <Tag minimal>{t(`duplicates.kinds.${candidate.kind}`)}</Tag>
                          {candidate.strong ? (
                            <Tag minimal intent={Intent.SUCCESS} className="mt-kind-tag">
                              {t('duplicates.strong')}
                            </Tag>
                          ) : null}
                        </td>
                        <td>
                          <Side
                            row={review.rows[rowId(candidate.a)]}
                            sheet={candidate.a.sheet}
                            at={candidate.a.row}
                          />
                        </td>
                        <td>
                          <Side
                            row={review.rows[rowId(candidate.b)]}
                            sheet={candidate.b.sheet}
                            at={candidate.b.row}
                          />
                        </td>
                        <td className="mt-small">
                          {candidate.evidence.map((item, i) => (
                            <Tag key={i} minimal className="mt-evidence" title={item.detail}>
                              {t(`duplicates.codes.${item.code}`)}
                            </Tag>
                          ))}
                        </td>
                        <td className="mt-num">{Math.round(candidate.score * 100)}%</td>
                        <td className="mt-nowrap">
                          <Button
                            small
                            icon="tick"
                            intent={Intent.SUCCESS}
                            disabled={busy}
                            onClick={() => decide([candidate], 'confirmed')}
                            title={t('duplicates.confirm')}
                            data-testid="confirm-duplicate"
                          />{' '}
                          <Button
                            small
                            icon="cross"
                            disabled={busy}
                            onClick={() => decide([candidate], 'rejected')}
                            title={t('duplicates.reject')}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </HTMLTable>
              </div>
            )}
          </>
        ) : null}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button onClick={onClose}>{t('importer.close')}</Button>
            <Button
              intent={Intent.PRIMARY}
              icon="tick"
              disabled={busy || strong.length === 0}
              onClick={() => decide(strong, 'confirmed')}
              data-testid="confirm-strong"
            >
              {t('duplicates.confirmStrong', { count: strong.length })}
            </Button>
          </>
        }
      />
    </Dialog>
  );
}

function Side({ row, sheet, at }: { row: ReviewRow | undefined; sheet: string; at: number }) {
  const format = useFormat();
  if (!row)
    return (
      <span className="mt-muted">
        {sheet}:{at}
      </span>
    );
  const { transaction: tx } = row;
  const who =
    tx.counterparty.name ?? tx.counterparty.card ?? tx.counterparty.phone ?? tx.counterparty.account ?? '';
  return (
    <div className="mt-small">
      <div className="mt-ellipsis mt-muted" title={row.file}>
        {row.file} · {sheet}:{at}
      </div>
      <div>
        {tx.hasTime ? format.dateTime(tx.bookedAt) : format.date(tx.bookedAt)} ·{' '}
        <span className={tx.direction === 'in' ? 'mt-in' : 'mt-out'}>
          {tx.direction === 'in' ? '+' : '−'}
          {format.money(tx.amountMinor, tx.currency)}
        </span>
      </div>
      <div className="mt-ellipsis" title={tx.description}>
        {who}
      </div>
    </div>
  );
}
