import { Button, Callout, Dialog, DialogBody, DialogFooter, Intent } from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkPassphrase,
  emptyPassphrase,
  PassphraseFields,
  type PassphraseInput,
} from '../lock/PassphraseFields';
import type { PassphraseProblem } from '../lock/unlock-actions';
import type { PickedCase } from './case-files';

/**
 * A case file is not encrypted with this computer's keys: before it is written to the store the
 * investigator chooses the passphrase it will be kept under here.
 */
export function ImportCaseDialog({
  picked,
  onCancel,
  onImport,
}: {
  picked: readonly PickedCase[] | null;
  onCancel: () => void;
  onImport: (lock: PassphraseInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState<PassphraseInput>(emptyPassphrase);
  const [problem, setProblem] = useState<PassphraseProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!picked) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkPassphrase(input);
    setProblem(found);
    if (found) return;
    setBusy(true);
    setFailure(null);
    try {
      await onImport(input);
      setInput(emptyPassphrase());
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog isOpen onClose={onCancel} title={t('lock.importTitle')} icon="document-open">
      <form onSubmit={submit}>
        <DialogBody>
          <p>{t('lock.importExplain', { count: picked.length })}</p>
          <ul className="mt-link-list mt-gap">
            {picked.map(({ file, data }) => (
              <li key={data.case.id}>
                <strong>{data.case.title}</strong> <span className="mt-muted">· {file}</span>
              </li>
            ))}
          </ul>
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
            <Callout intent={Intent.DANGER} icon="error" compact data-testid="import-case-problem">
              {failure}
            </Callout>
          ) : null}
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button variant="minimal" onClick={onCancel}>
                {t('lock.cancel')}
              </Button>
              <Button type="submit" intent={Intent.PRIMARY} loading={busy} data-testid="confirm-import-case">
                {t('lock.importConfirm')}
              </Button>
            </>
          }
        />
      </form>
    </Dialog>
  );
}
