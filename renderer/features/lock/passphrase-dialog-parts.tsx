import { Button, Callout, DialogFooter, Intent } from '@blueprintjs/core';

/**
 * The parts the passphrase dialogs (set, change, seal a case file, open case files) share, so a
 * refusal and the buttons look and behave the same in each: the submit button is the form's, so
 * Enter in a field submits, and it shows the work in progress.
 */
export function FailureCallout({ text, testId }: { text: string | null; testId: string }) {
  if (!text) return null;
  return (
    <Callout intent={Intent.DANGER} icon="error" compact data-testid={testId}>
      {text}
    </Callout>
  );
}

export function SubmitFooter({
  cancelText,
  onCancel,
  confirmText,
  busy,
  testId,
}: {
  cancelText: string;
  onCancel: () => void;
  confirmText: string;
  busy: boolean;
  testId: string;
}) {
  return (
    <DialogFooter
      actions={
        <>
          <Button variant="minimal" disabled={busy} onClick={onCancel}>
            {cancelText}
          </Button>
          <Button type="submit" intent={Intent.PRIMARY} loading={busy} data-testid={testId}>
            {confirmText}
          </Button>
        </>
      }
    />
  );
}
