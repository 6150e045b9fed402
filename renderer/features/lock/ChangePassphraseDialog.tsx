import { Callout, Dialog, DialogBody, FormGroup, InputGroup, Intent } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeCasePassphrase, unlockErrorMessage } from './unlock-actions';
import { usePassphraseForm } from './use-passphrase-form';
import { FailureCallout, SubmitFooter } from './passphrase-dialog-parts';

/** "Change passphrase": the current phrase, then the new one twice. The case's data stay as they are. */
export function ChangePassphraseDialog({
  caseId,
  actor,
  onClose,
}: {
  caseId: string;
  actor: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [done, setDone] = useState(false);
  const { submit, busy, failure, fields } = usePassphraseForm(
    async (input) => {
      await changeCasePassphrase(caseId, current, input.passphrase, actor);
      setDone(true);
      setCurrent('');
    },
    (error) => unlockErrorMessage(error, t),
  );

  return (
    <Dialog isOpen onClose={onClose} title={t('lock.changeTitle')} icon="key">
      <form onSubmit={submit}>
        <DialogBody>
          <p className="mt-muted">{t('lock.changeExplain')}</p>
          <FormGroup label={t('lock.currentPassphrase')} labelFor="current-passphrase">
            <InputGroup
              id="current-passphrase"
              type="password"
              value={current}
              onValueChange={setCurrent}
              autoFocus
              data-testid="current-passphrase"
            />
          </FormGroup>
          {fields()}
          <FailureCallout text={failure} testId="change-passphrase-problem" />
          {done ? (
            <Callout intent={Intent.SUCCESS} compact data-testid="passphrase-changed">
              {t('lock.changed')}
            </Callout>
          ) : null}
        </DialogBody>
        <SubmitFooter
          cancelText={done ? t('lock.close') : t('lock.cancel')}
          onCancel={onClose}
          confirmText={t('lock.changeConfirm')}
          busy={busy}
          testId="confirm-change-passphrase"
        />
      </form>
    </Dialog>
  );
}
