import { Button, Callout, Card, Checkbox, FormGroup, Icon, InputGroup, Intent } from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { preferences } from '../../app/preferences';
import { useFormat } from '../../app/use-format';
import type { LockedCase } from '../../db/cases';
import { caseLocks } from './case-locks';
import { DEMO_PASSPHRASE } from './demo-passphrase';
import { useKeychainAvailable } from './keychain';
import {
  forgetCaseKey,
  unlockErrorMessage,
  unlockWithKeychain,
  unlockWithPassphrase,
} from './unlock-actions';

/**
 * What an encrypted case shows until its passphrase is entered: only what the store keeps in the
 * clear (when it was created and last changed), the passphrase field, and — where the OS keychain
 * is available — the keychain as a second way in. A wrong passphrase changes nothing and says so.
 */
export function UnlockScreen({ kase, onBack }: { kase: LockedCase; onBack: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const keychain = useKeychainAvailable();
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reason = caseLocks.lastLockReason(kase.id);
  const isDemo = preferences.demoCaseId() === kase.id;

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const message = await action();
      if (message) setNotice(message);
    } catch (error) {
      setProblem(unlockErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) return;
    void run(async () => {
      const keychainProblem = await unlockWithPassphrase(kase.id, passphrase, remember);
      return keychainProblem ? t('lock.rememberFailed', { message: keychainProblem }) : null;
    });
  };

  const fromKeychain = () =>
    run(async () => {
      try {
        return (await unlockWithKeychain(kase.id)) === 'none' ? t('lock.keychainNone') : null;
      } catch (error) {
        if (error instanceof Error && 'code' in error) throw error;
        throw new Error(
          t('lock.keychainFailed', { message: error instanceof Error ? error.message : String(error) }),
        );
      }
    });

  const forget = () =>
    run(async () => {
      await forgetCaseKey(kase.id);
      return t('lock.forgotten');
    });

  return (
    <div className="mt-page mt-centered" data-testid="unlock-screen">
      <Card className="mt-unlock" elevation={1}>
        <div className="mt-unlock-head">
          <Icon icon="lock" size={28} intent={Intent.PRIMARY} />
          <div>
            <h2 className="mt-unlock-title">{t('lock.lockedTitle')}</h2>
            <p className="mt-muted mt-small">
              {t('lock.lockedDescription', {
                created: format.dateTime(kase.createdAt),
                updated: format.dateTime(kase.updatedAt),
              })}
            </p>
          </div>
        </div>
        {reason ? (
          <Callout compact icon="time" className="mt-gap" data-testid="lock-reason">
            {reason === 'idle'
              ? t('lock.lockedIdle', { minutes: preferences.autoLockMinutes() })
              : reason === 'screen'
                ? t('lock.lockedScreen')
                : t('lock.lockedManual')}
          </Callout>
        ) : null}
        <form onSubmit={submit} className="mt-gap">
          <FormGroup label={t('lock.passphrase')} labelFor="unlock-passphrase">
            <InputGroup
              id="unlock-passphrase"
              type="password"
              autoFocus
              autoComplete="current-password"
              spellCheck={false}
              value={passphrase}
              onChange={(event) => setPassphrase(event.currentTarget.value)}
              data-testid="unlock-passphrase"
            />
          </FormGroup>
          {keychain ? (
            <Checkbox
              label={t('lock.remember')}
              checked={remember}
              onChange={(event) => setRemember(event.currentTarget.checked)}
            />
          ) : null}
          {isDemo ? (
            <p className="mt-muted mt-small" data-testid="demo-passphrase">
              {t('lock.demoHint', { passphrase: DEMO_PASSPHRASE })}
            </p>
          ) : null}
          {problem ? (
            <Callout
              intent={Intent.DANGER}
              icon="error"
              compact
              className="mt-gap"
              data-testid="unlock-problem"
            >
              {problem}
            </Callout>
          ) : null}
          {notice ? (
            <Callout intent={Intent.PRIMARY} compact className="mt-gap" data-testid="unlock-notice">
              {notice}
            </Callout>
          ) : null}
          <div className="mt-unlock-actions">
            <Button variant="minimal" icon="arrow-left" onClick={onBack}>
              {t('workspace.back')}
            </Button>
            <span className="mt-unlock-spacer" />
            {keychain ? (
              <>
                <Button variant="minimal" onClick={forget} disabled={busy}>
                  {t('lock.forget')}
                </Button>
                <Button icon="key" onClick={fromKeychain} disabled={busy}>
                  {t('lock.keychainUnlock')}
                </Button>
              </>
            ) : null}
            <Button
              type="submit"
              intent={Intent.PRIMARY}
              icon="unlock"
              loading={busy}
              disabled={!passphrase}
              data-testid="unlock"
            >
              {t('lock.unlock')}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
