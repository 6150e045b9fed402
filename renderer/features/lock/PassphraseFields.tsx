import { Button, Checkbox, FormGroup, InputGroup, Intent } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeychainAvailable } from './keychain';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem, type PassphraseProblem } from './unlock-actions';

export interface PassphraseInput {
  passphrase: string;
  confirm: string;
  remember: boolean;
}

export const emptyPassphrase = (): PassphraseInput => ({ passphrase: '', confirm: '', remember: false });

/** Checked on submit, like the other fields of a form: null when the passphrase can be used. */
export const checkPassphrase = (input: PassphraseInput): PassphraseProblem | null =>
  passphraseProblem(input.passphrase, input.confirm);

/**
 * Choosing a passphrase: the phrase twice, and — only where the host has a real OS keychain — the
 * option to remember the key on this computer, with its trade-off said next to it.
 */
export function PassphraseFields({
  value,
  onChange,
  problem,
  autoFocus = false,
  offerRemember = true,
}: {
  value: PassphraseInput;
  onChange: (next: PassphraseInput) => void;
  problem: PassphraseProblem | null;
  autoFocus?: boolean;
  /** False where no key is kept on this computer (a passphrase for a file being exported). */
  offerRemember?: boolean;
}) {
  const { t } = useTranslation();
  const keychain = useKeychainAvailable();
  const [visible, setVisible] = useState(false);
  const type = visible ? 'text' : 'password';
  const toggle = (
    <Button
      variant="minimal"
      icon={visible ? 'eye-off' : 'eye-open'}
      aria-label={visible ? t('lock.hide') : t('lock.show')}
      title={visible ? t('lock.hide') : t('lock.show')}
      onClick={() => setVisible(!visible)}
    />
  );
  return (
    <>
      <FormGroup
        label={t('lock.passphrase')}
        labelFor="passphrase"
        helperText={
          problem === 'short'
            ? t('lock.errors.short', { count: MIN_PASSPHRASE_LENGTH })
            : t('lock.passphraseHelp', { count: MIN_PASSPHRASE_LENGTH })
        }
        intent={problem === 'short' ? Intent.DANGER : Intent.NONE}
      >
        <InputGroup
          id="passphrase"
          type={type}
          autoFocus={autoFocus}
          autoComplete="new-password"
          spellCheck={false}
          value={value.passphrase}
          intent={problem === 'short' ? Intent.DANGER : Intent.NONE}
          rightElement={toggle}
          onChange={(event) => onChange({ ...value, passphrase: event.currentTarget.value })}
        />
      </FormGroup>
      <FormGroup
        label={t('lock.confirm')}
        labelFor="passphrase-confirm"
        helperText={problem === 'mismatch' ? t('lock.errors.mismatch') : undefined}
        intent={problem === 'mismatch' ? Intent.DANGER : Intent.NONE}
      >
        <InputGroup
          id="passphrase-confirm"
          type={type}
          autoComplete="new-password"
          spellCheck={false}
          value={value.confirm}
          intent={problem === 'mismatch' ? Intent.DANGER : Intent.NONE}
          onChange={(event) => onChange({ ...value, confirm: event.currentTarget.value })}
        />
      </FormGroup>
      {keychain && offerRemember ? (
        <FormGroup helperText={t('lock.rememberHelp')}>
          <Checkbox
            label={t('lock.remember')}
            checked={value.remember}
            onChange={(event) => onChange({ ...value, remember: event.currentTarget.checked })}
            data-testid="remember-key"
          />
        </FormGroup>
      ) : null}
    </>
  );
}
