import { Button, Callout, Dialog, DialogBody, DialogFooter, Tag } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../../shared/ipc/result';
import { fingerprint } from '../../../shared/packet/manifest';
import { verifyPacket, type VerifyResult } from '../../../shared/packet/verify';
import { installation } from '../../db';
import { host } from '../../host';

/**
 * "Verify a packet": the same check as `moneytrail verify`, on a ZIP the investigator picks. It
 * says who signed (the fingerprint) and whether that is this installation's key.
 */
export function VerifyPacketDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [own, setOwn] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ file: string; result: VerifyResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void installation.publicKey().then(
      (publicKey) => setOwn(fingerprint(publicKey)),
      () => setOwn(null), // no key here yet and none could be made: nothing is "this installation"
    );
  }, []);

  const pick = async () => {
    setError(null);
    try {
      const [file] = unwrap(await host.openFiles({ purpose: 'packet', multiple: false }));
      if (file) setChecked({ file: file.name, result: verifyPacket(file.bytes) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const result = checked?.result;
  return (
    <Dialog isOpen onClose={onClose} title={t('packet.verify.title')} icon="endorsed">
      <DialogBody>
        <p className="mt-muted">{t('packet.verify.hint')}</p>
        {own ? (
          <p className="mt-small">
            {t('packet.fingerprint.own')}{' '}
            <span className="mt-mono" data-testid="packet-own-fingerprint">
              {own}
            </span>
          </p>
        ) : null}
        {checked && result?.ok ? (
          <Callout
            intent="success"
            title={t('packet.verify.ok', { file: checked.file })}
            data-testid="packet-verify-ok"
          >
            <div>
              {t('packet.verify.signer')}{' '}
              <span className="mt-mono" data-testid="packet-signer">
                {result.fingerprint}
              </span>{' '}
              {result.fingerprint === own ? (
                <Tag minimal intent="success">
                  {t('packet.verify.thisInstallation')}
                </Tag>
              ) : (
                <Tag minimal intent="warning">
                  {t('packet.verify.otherInstallation')}
                </Tag>
              )}
            </div>
          </Callout>
        ) : null}
        {checked && result && !result.ok ? (
          <Callout
            intent="danger"
            title={t('packet.verify.failed', { file: checked.file })}
            data-testid="packet-verify-failed"
          >
            {result.badSignature ? <div>{t('packet.verify.badSignature')}</div> : null}
            {result.altered.length > 0 ? (
              <div>{t('packet.verify.altered', { files: result.altered.join(', ') })}</div>
            ) : null}
            {result.added.length > 0 ? (
              <div>{t('packet.verify.added', { files: result.added.join(', ') })}</div>
            ) : null}
            {result.missing.length > 0 ? (
              <div>{t('packet.verify.missing', { files: result.missing.join(', ') })}</div>
            ) : null}
            {result.fingerprint ? (
              <div className="mt-small">
                {t('packet.verify.signer')} <span className="mt-mono">{result.fingerprint}</span>
              </div>
            ) : (
              <div className="mt-small">{result.message}</div>
            )}
          </Callout>
        ) : null}
        {error ? <Callout intent="danger">{error}</Callout> : null}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button onClick={onClose}>{t('freeze.close')}</Button>
            <Button intent="primary" icon="folder-open" onClick={pick} data-testid="packet-verify-pick">
              {t('packet.verify.pick')}
            </Button>
          </>
        }
      />
    </Dialog>
  );
}
