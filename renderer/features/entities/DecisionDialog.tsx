import { Button, Dialog, DialogBody, DialogFooter, FormGroup, Intent, TextArea } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentifierKind } from '../../../shared/identifiers/types';
import { EntityLabel } from './EntityLabel';

export interface PendingDecision {
  action: 'merge' | 'split';
  keys: string[];
}

/** Asks why before recording a merge or split: the reason goes into the audit log with it. */
export function DecisionDialog({
  pending,
  onCancel,
  onConfirm,
}: {
  pending: PendingDecision | null;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!pending) return null;
  const submit = async () => {
    setBusy(true);
    try {
      await onConfirm(reason);
      setReason('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      isOpen
      title={t(`entities.decision.${pending.action}Title`)}
      icon={pending.action === 'merge' ? 'merge-links' : 'split-columns'}
      onClose={onCancel}
    >
      <DialogBody>
        <p>{t(`entities.decision.${pending.action}Explain`)}</p>
        <ul className="mt-link-list">
          {pending.keys.map((key) => {
            const [kind, ...rest] = key.split(':');
            return (
              <li key={key}>
                <EntityLabel kind={kind as IdentifierKind} value={rest.join(':')} />
              </li>
            );
          })}
        </ul>
        <FormGroup
          label={t('entities.decision.reason')}
          labelFor="decision-reason"
          helperText={t('entities.decision.reasonHelp')}
          className="mt-gap"
        >
          <TextArea
            id="decision-reason"
            fill
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-testid="decision-reason"
          />
        </FormGroup>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button onClick={onCancel}>{t('newCase.cancel')}</Button>
            <Button
              intent={Intent.PRIMARY}
              disabled={reason.trim().length < 3}
              loading={busy}
              onClick={submit}
              data-testid="confirm-decision"
            >
              {t(`entities.decision.${pending.action}`)}
            </Button>
          </>
        }
      />
    </Dialog>
  );
}
