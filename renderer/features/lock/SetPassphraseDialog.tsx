import { Button, Callout, Dialog, DialogBody, DialogFooter, Intent } from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPassphrase, emptyPassphrase, PassphraseFields, type PassphraseInput } from './PassphraseFields';
import { encryptWithPassphrase, type PassphraseProblem } from './unlock-actions';

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
  const [input, setInput] = useState<PassphraseInput>(emptyPassphrase);
  const [problem, setProblem] = useState<PassphraseProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkPassphrase(input);
    setProblem(found);
    if (found) return;
    setBusy(true);
    setFailure(null);
    try {
      const keychainProblem = await encryptWithPassphrase(caseId, input.passphrase, actor, input.remember);
      if (keychainProblem) setFailure(t('lock.rememberFailed', { message: keychainProblem }));
      else onClose();
      setInput(emptyPassphrase());
    } catch (error) {
      setFailure(t('lock.setFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('lock.setTitle')} icon="lock">
      <form onSubmit={submit}>
        <DialogBody>
          <p className="mt-muted">{t('lock.setExplain')}</p>
          <PassphraseFields
            value={input}
            onChange={(next) => {
              setInput(next);
              setProblem(null); // said again on the next submit, not while the investigator corrects it
            }}
            problem={problem}
            autoFocus
          />
          {failure ? (
            <Callout intent={Intent.DANGER} icon="error" compact data-testid="set-passphrase-problem">
              {failure}
            </Callout>
          ) : null}
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button variant="minimal" onClick={onClose}>
                {t('lock.cancel')}
              </Button>
              <Button
                type="submit"
                intent={Intent.PRIMARY}
                loading={busy}
                data-testid="confirm-set-passphrase"
              >
                {t('lock.setConfirm')}
              </Button>
            </>
          }
        />
      </form>
    </Dialog>
  );
}
