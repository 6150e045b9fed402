import { Button, Popover, Callout, Intent } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportCaseFile } from '../cases/case-files';
import { useWorkspaceNav } from './workspace-nav';

/** Saves the whole case (statements, decisions, audit log) as one portable, verifiable file. */
export function ExportCaseButton({ caseId, title }: { caseId: string; title: string }) {
  const { t } = useTranslation();
  const nav = useWorkspaceNav();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: Intent; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await exportCaseFile(caseId, title, nav.actor);
      if (saved) setMessage({ intent: Intent.SUCCESS, text: t('caseFile.exported', { file: saved }) });
    } catch (error) {
      setMessage({
        intent: Intent.DANGER,
        text: t('caseFile.exportFailed', { message: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
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
      <Button icon="export" loading={busy} onClick={run} data-testid="export-case">
        {t('caseFile.export')}
      </Button>
    </Popover>
  );
}
