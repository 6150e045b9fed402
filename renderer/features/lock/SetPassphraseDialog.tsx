import { Dialog, DialogBody } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { encryptWithPassphrase } from './unlock-actions';
import { usePassphraseForm } from './use-passphrase-form';
import { FailureCallout, SubmitFooter } from './passphrase-dialog-parts';

/** "Set a passphrase" for a case stored without encryption: every record re-encrypted in one step. */
export function SetPassphraseDialog({
  caseId,
  actor,
  isOpen,
  onClose,
}: {
  caseId: string;
  actor: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { submit, busy, failure, fields } = usePassphraseForm(
    async (input, setFailure) => {
      const keychainProblem = await encryptWithPassphrase(caseId, input.passphrase, actor, input.remember);
      if (keychainProblem) setFailure(t('lock.rememberFailed', { message: keychainProblem }));
      else onClose();
    },
    (error) => t('lock.setFailed', { message: error instanceof Error ? error.message : String(error) }),
  );

  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('lock.setTitle')} icon="lock">
      <form onSubmit={submit}>
        <DialogBody>
          <p className="mt-muted">{t('lock.setExplain')}</p>
          {fields(true)}
          <FailureCallout text={failure} testId="set-passphrase-problem" />
        </DialogBody>
        <SubmitFooter
          cancelText={t('lock.cancel')}
          onCancel={onClose}
          confirmText={t('lock.setConfirm')}
          busy={busy}
          testId="confirm-set-passphrase"
        />
      </form>
    </Dialog>
  );
}
