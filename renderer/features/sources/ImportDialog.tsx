import {
  Button,
  Callout,
  Dialog,
  DialogBody,
  DialogFooter,
  Intent,
  ProgressBar,
  Spinner,
} from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/use-format';
import type { ImportPhase } from './worker-protocol';
import { MappingPreview } from './MappingPreview';
import type { Importer, OutcomeStatus } from './use-importer';

const outcomeIntent: Record<OutcomeStatus, Intent> = {
  imported: Intent.SUCCESS,
  duplicate: Intent.NONE,
  failed: Intent.DANGER,
  cancelled: Intent.WARNING,
  skipped: Intent.NONE,
};

/** The import flow as one dialog: reading → confirm the mapping → progress → results. */
export function ImportDialog({ importer }: { importer: Importer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { state } = importer;
  if (state.step === 'idle') return null;

  const busy = state.step === 'reading' || state.step === 'importing';
  // Every phase says how far it is, so the words move with the bar and a stall is visible.
  const phaseText = (phase: ImportPhase, done: number, total: number, records?: number): string => {
    const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
    if (phase === 'decoding') return t('importer.decoding', { percent });
    if (phase === 'parsing')
      return records === undefined
        ? t('importer.parsing', { percent })
        : t('importer.parsingRecords', { percent, records: format.count(records) });
    if (phase === 'extracting') return t('importer.extracting', { percent });
    if (phase === 'placing') return t('importer.placing', { percent });
    if (phase === 'preparing') return t('importer.preparing', { percent });
    if (phase === 'encrypting') return t('importer.encrypting', { percent });
    if (phase === 'saving') return t('importer.saving', { percent });
    return total > 0
      ? t('importer.progress', { done: format.count(done), total: format.count(total), percent })
      : '…';
  };
  return (
    <Dialog
      isOpen
      title={t('importer.title')}
      icon="import"
      onClose={busy ? undefined : state.step === 'done' ? importer.close : importer.cancel}
      isCloseButtonShown={!busy}
      canEscapeKeyClose={!busy}
      canOutsideClickClose={false}
      className={state.step === 'confirm' ? 'mt-import-dialog mt-import-dialog-wide' : 'mt-import-dialog'}
    >
      {state.step === 'reading' ? (
        <DialogBody>
          <div className="mt-reading" data-testid="import-reading">
            <Spinner size={20} />
            <span>{t('importer.reading', { file: state.file })}</span>
            <span className="mt-muted">
              {t('importer.file', { index: state.index, count: state.count, file: state.file })}
            </span>
          </div>
        </DialogBody>
      ) : null}

      {state.step === 'confirm' ? (
        <>
          <DialogBody>
            <p className="mt-strong" data-testid="import-file">
              {t('importer.file', { index: state.index, count: state.count, file: state.file.name })}
            </p>
            {state.fromProfile ? (
              <Callout compact intent={Intent.PRIMARY} icon="saved" className="mt-gap">
                {t('importer.profileApplied')}
              </Callout>
            ) : null}
            <MappingPreview preview={state.preview} onRoleChange={importer.changeRole} />
          </DialogBody>
          <DialogFooter
            actions={
              <>
                <Button onClick={importer.cancel}>{t('importer.cancel')}</Button>
                {state.count > 1 ? <Button onClick={importer.skip}>{t('importer.skip')}</Button> : null}
                <Button
                  intent={Intent.PRIMARY}
                  icon="import"
                  onClick={importer.confirm}
                  data-testid="confirm-import"
                >
                  {t('importer.confirm')}
                </Button>
              </>
            }
          />
        </>
      ) : null}

      {state.step === 'importing' ? (
        <>
          <DialogBody>
            <p className="mt-strong">{t('importer.importing', { file: state.file })}</p>
            <ProgressBar
              intent={Intent.PRIMARY}
              value={state.total > 0 ? state.done / state.total : undefined}
              data-testid="import-progress"
            />
            <p className="mt-muted mt-gap" data-testid="import-phase">
              {phaseText(state.phase, state.done, state.total, state.records)}
            </p>
          </DialogBody>
          <DialogFooter
            actions={
              <Button intent={Intent.DANGER} onClick={importer.cancel} data-testid="cancel-import">
                {t('importer.cancelImport')}
              </Button>
            }
          />
        </>
      ) : null}

      {state.step === 'done' ? (
        <>
          <DialogBody>
            <p className="mt-strong">{t('importer.results')}</p>
            <div className="mt-outcomes" data-testid="import-outcomes">
              {state.outcomes.map((outcome, i) => (
                <Callout key={i} compact intent={outcomeIntent[outcome.status]} className="mt-gap">
                  {t(`importer.outcome.${outcome.status}`, {
                    file: outcome.file,
                    transactions: format.count(outcome.transactions ?? 0),
                    rejected: format.count(outcome.rejected ?? 0),
                    message: outcome.message ?? '',
                  })}
                </Callout>
              ))}
            </div>
          </DialogBody>
          <DialogFooter
            actions={
              <Button intent={Intent.PRIMARY} onClick={importer.close} data-testid="close-import">
                {t('importer.close')}
              </Button>
            }
          />
        </>
      ) : null}
    </Dialog>
  );
}
