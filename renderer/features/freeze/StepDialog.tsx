import {
  Button,
  Callout,
  Dialog,
  DialogBody,
  DialogFooter,
  FormGroup,
  InputGroup,
  TextArea,
} from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FreezeWorkflowError,
  parseAmountInput,
  type FreezeRequest,
  type FreezeStep,
} from '../../../shared/freeze';
import { caseDayOf } from '../../../shared/format/case-day';
import { freezeRequests } from '../../db';
import { useFormat } from '../../app/use-format';

export type StepKind = FreezeStep['to'] | 'edit';

/** Which facts each move asks for; a refused move says which field is wrong and why. */
export function StepDialog({
  caseId,
  actor,
  kind,
  requests,
  onClose,
}: {
  caseId: string;
  actor: string;
  kind: StepKind;
  requests: FreezeRequest[];
  /** `done` is true when the move was recorded. */
  onClose: (done?: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const first = requests[0] as FreezeRequest;
  const [date, setDate] = useState(() => caseDayOf(Date.now()));
  const [number, setNumber] = useState('');
  const [text, setText] = useState(kind === 'edit' ? first.amountReason : '');
  const [basis, setBasis] = useState(first.legalBasis);
  const [amount, setAmount] = useState(() =>
    format
      .money(first.amountMinor, first.currency)
      .replace(/[^\d\s,.\u00a0\u202f]/g, '')
      .trim(),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = requests.map((r) => r.id);

  const submit = async () => {
    setError(null);
    const minor = parseAmountInput(amount, first.currency);
    if ((kind === 'frozen' || kind === 'edit') && minor === null) {
      setError(t('freeze.errors.amountFormat', { currency: first.currency }));
      return;
    }
    setBusy(true);
    try {
      if (kind === 'edit') {
        await freezeRequests.edit(
          caseId,
          first.id,
          { amountMinor: minor as number, amountReason: text, legalBasis: basis },
          actor,
        );
      } else {
        await freezeRequests.step(
          caseId,
          ids,
          stepOf(kind, { date, number, text, minor: minor ?? 0 }),
          actor,
        );
      }
      onClose(true);
    } catch (e) {
      if (e instanceof FreezeWorkflowError)
        setError(t(`freeze.errors.${e.code}`, { field: e.field ? t(`freeze.fields.${e.field}`) : '' }));
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const needsDate = kind === 'request-sent' || kind === 'frozen' || kind === 'refused' || kind === 'released';
  return (
    <Dialog
      isOpen
      onClose={() => onClose()}
      title={t(`freeze.steps.${kind}.title`, { count: requests.length })}
      icon="snowflake"
    >
      <DialogBody>
        <p className="mt-muted">{t(`freeze.steps.${kind}.hint`)}</p>
        {kind === 'frozen' || kind === 'edit' ? (
          <FormGroup
            label={t(kind === 'frozen' ? 'freeze.fields.frozenAmount' : 'freeze.fields.amountMinor', {
              currency: first.currency,
            })}
            labelFor="freeze-amount"
            helperText={
              first.tracedMinor !== undefined
                ? t('freeze.tracedWas', { amount: format.money(first.tracedMinor, first.currency) })
                : undefined
            }
          >
            <InputGroup
              id="freeze-amount"
              value={amount}
              onValueChange={setAmount}
              data-testid="freeze-amount"
            />
          </FormGroup>
        ) : null}
        {needsDate ? (
          <FormGroup label={t('freeze.fields.date')} labelFor="freeze-date">
            <InputGroup
              id="freeze-date"
              type="date"
              value={date}
              onValueChange={setDate}
              data-testid="freeze-date"
            />
          </FormGroup>
        ) : null}
        {kind === 'request-sent' || kind === 'frozen' ? (
          <FormGroup
            label={t(kind === 'request-sent' ? 'freeze.fields.outgoingNumber' : 'freeze.fields.replyNumber')}
            labelFor="freeze-number"
          >
            <InputGroup
              id="freeze-number"
              value={number}
              onValueChange={setNumber}
              data-testid="freeze-number"
            />
          </FormGroup>
        ) : null}
        {kind === 'refused' || kind === 'released' || kind === 'edit' ? (
          <FormGroup
            label={t(kind === 'edit' ? 'freeze.fields.amountReason' : 'freeze.fields.reason')}
            labelFor="freeze-reason"
          >
            <InputGroup id="freeze-reason" value={text} onValueChange={setText} data-testid="freeze-reason" />
          </FormGroup>
        ) : null}
        {kind === 'edit' ? (
          <FormGroup label={t('freeze.fields.legalBasis')} labelFor="freeze-basis">
            <TextArea
              id="freeze-basis"
              value={basis}
              onChange={(e) => setBasis(e.target.value)}
              fill
              rows={3}
            />
          </FormGroup>
        ) : null}
        {error ? (
          <Callout intent="danger" compact data-testid="freeze-step-error">
            {error}
          </Callout>
        ) : null}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button onClick={() => onClose()}>{t('freeze.cancel')}</Button>
            <Button intent="primary" loading={busy} onClick={submit} data-testid="freeze-step-submit">
              {t(`freeze.steps.${kind}.submit`)}
            </Button>
          </>
        }
      />
    </Dialog>
  );
}

function stepOf(
  kind: FreezeStep['to'],
  input: { date: string; number: string; text: string; minor: number },
): FreezeStep {
  switch (kind) {
    case 'approved':
      return { to: 'approved' };
    case 'request-sent':
      return { to: 'request-sent', date: input.date, outgoingNumber: input.number };
    case 'frozen':
      return { to: 'frozen', amountMinor: input.minor, date: input.date, replyNumber: input.number };
    case 'refused':
      return { to: 'refused', reason: input.text, date: input.date };
    case 'released':
      return { to: 'released', date: input.date, reason: input.text };
  }
}
