import { Dialog, DialogBody, FormGroup, InputGroup, Intent } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassphraseInput } from '../lock/PassphraseFields';
import { usePassphraseForm } from '../lock/use-passphrase-form';
import { CaseFilePassphraseError, type PickedCase } from './case-files';
import { FailureCallout, SubmitFooter } from '../lock/passphrase-dialog-parts';

/**
 * Opening case files. A sealed file needs the passphrase it was sent with (told by phone or in
 * person, not in the same mail); every case is then kept here under a passphrase chosen anew —
 * the file's passphrase has travelled, this computer's should not have.
 */
export function ImportCaseDialog({
  picked,
  onCancel,
  onImport,
}: {
  picked: readonly PickedCase[] | null;
  onCancel: () => void;
  onImport: (lock: PassphraseInput, filePassphrase: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [filePassphrase, setFilePassphrase] = useState('');
  const [fileProblem, setFileProblem] = useState(false);
  const sealedCount = picked?.filter((p) => p.data === null).length ?? 0;
  const { submit, busy, failure, fields } = usePassphraseForm(
    async (input) => {
      if (sealedCount > 0 && filePassphrase.length === 0) {
        setFileProblem(true);
        throw new Error(t('caseFile.filePassphraseMissing'));
      }
      await onImport(input, filePassphrase);
    },
    (error) => {
      if (error instanceof CaseFilePassphraseError) {
        setFileProblem(true);
        return t('caseFile.filePassphraseWrong', { file: error.file });
      }
      return error instanceof Error ? error.message : String(error);
    },
  );
  if (!picked) return null;

  return (
    <Dialog isOpen onClose={onCancel} title={t('lock.importTitle')} icon="document-open">
      <form onSubmit={submit}>
        <DialogBody>
          <ul className="mt-link-list mt-gap">
            {picked.map(({ file, data }) => (
              <li key={file}>
                {data ? (
                  <>
                    <strong>{data.case.title}</strong> <span className="mt-muted">· {file}</span>
                  </>
                ) : (
                  <>
                    <strong>{file}</strong> <span className="mt-muted">· {t('caseFile.sealed')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
          {sealedCount > 0 ? (
            <FormGroup
              className="mt-gap"
              label={t('caseFile.filePassphrase', { count: sealedCount })}
              labelFor="file-passphrase"
              helperText={t('caseFile.filePassphraseHelp')}
              intent={fileProblem ? Intent.DANGER : Intent.NONE}
            >
              <InputGroup
                id="file-passphrase"
                type="password"
                autoFocus
                autoComplete="off"
                spellCheck={false}
                value={filePassphrase}
                intent={fileProblem ? Intent.DANGER : Intent.NONE}
                onChange={(event) => {
                  setFilePassphrase(event.currentTarget.value);
                  setFileProblem(false);
                }}
                data-testid="file-passphrase"
              />
            </FormGroup>
          ) : null}
          <p>{t('lock.importExplain', { count: picked.length })}</p>
          {fields(sealedCount === 0)}
          <FailureCallout text={failure} testId="import-case-problem" />
        </DialogBody>
        <SubmitFooter
          cancelText={t('lock.cancel')}
          onCancel={onCancel}
          confirmText={t('lock.importConfirm')}
          busy={busy}
          testId="confirm-import-case"
        />
      </form>
    </Dialog>
  );
}
