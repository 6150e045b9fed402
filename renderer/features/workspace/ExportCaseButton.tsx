import { Button, Callout, Dialog, DialogBody, Intent, Popover } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportCaseFile } from '../cases/case-files';
import { usePassphraseForm } from '../lock/use-passphrase-form';
import { useWorkspaceNav } from './workspace-nav';
import { FailureCallout, SubmitFooter } from '../lock/passphrase-dialog-parts';

/**
 * Saves the whole case (statements, decisions, register, audit log) as one portable, verifiable
 * file, sealed under a passphrase chosen for this file: it leaves the encrypted store, so it must
 * not leave readable.
 */
export function ExportCaseButton({ caseId, title }: { caseId: string; title: string }) {
  const { t } = useTranslation();
  const nav = useWorkspaceNav();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<{ intent: Intent; text: string } | null>(null);
  const { submit, busy, failure, fields } = usePassphraseForm(
    async (input) => {
      const saved = await exportCaseFile(caseId, title, nav.actor, input.passphrase);
      setAsking(false);
      if (saved) setMessage({ intent: Intent.SUCCESS, text: t('caseFile.exported', { file: saved }) });
    },
    (error) =>
      t('caseFile.exportFailed', { message: error instanceof Error ? error.message : String(error) }),
  );
  return (
    <>
      <Popover
        isOpen={message !== null}
        onClose={() => setMessage(null)}
        placement="bottom-end"
        content={
          <Callout intent={message?.intent ?? Intent.NONE} compact className="mt-popover-message">
            {message?.text}
          </Callout>
        }
      >
        <Button
          icon="export"
          onClick={() => {
            setMessage(null);
            setAsking(true);
          }}
          data-testid="export-case"
        >
          {t('caseFile.export')}
        </Button>
      </Popover>
      <Dialog
        isOpen={asking}
        onClose={() => (busy ? undefined : setAsking(false))}
        title={t('caseFile.exportTitle')}
        icon="lock"
      >
        <form onSubmit={submit}>
          <DialogBody>
            <p>{t('caseFile.exportExplain', { title })}</p>
            <Callout intent={Intent.PRIMARY} icon="info-sign" compact className="mt-gap">
              {t('caseFile.exportTellSeparately')}
            </Callout>
            {fields(true, false)}
            <FailureCallout text={failure} testId="export-case-problem" />
          </DialogBody>
          <SubmitFooter
            cancelText={t('lock.cancel')}
            onCancel={() => setAsking(false)}
            confirmText={t('caseFile.exportConfirm')}
            busy={busy}
            testId="confirm-export-case"
          />
        </form>
      </Dialog>
    </>
  );
}
