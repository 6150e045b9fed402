import { Button, Callout, Dialog, DialogBody, DialogFooter, Intent } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { PassphraseInput } from '../lock/PassphraseFields';
import { usePassphraseForm } from '../lock/use-passphrase-form';
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
  const { submit, busy, failure, fields } = usePassphraseForm(
    (input) => onImport(input),
    (error) => (error instanceof Error ? error.message : String(error)),
  );
  if (!picked) return null;

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
          {fields(true)}
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
