import {
  Button,
  Callout,
  Dialog,
  DialogBody,
  HTMLTable,
  Icon,
  Intent,
  NonIdealState,
  ProgressBar,
  Tag,
  useHotkeys,
} from '@blueprintjs/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cases } from '../../db';
import { useFormat } from '../../app/use-format';
import { NewCaseDialog } from './NewCaseDialog';
import { openDemoCase, type DemoProgress } from './demo-case';
import { CaseFilePassphraseError, importPickedCases, pickCaseFiles, type PickedCase } from './case-files';
import { ImportCaseDialog } from './ImportCaseDialog';
import { isCaseExists } from '../../db/case-transfer';
import { preferences } from '../../app/preferences';
import { STORAGE_WARNING_SHARE, useStorageStatus } from '../../app/storage';
import { useLockVersion } from '../lock/case-locks';
import { DEMO_PASSPHRASE } from '../lock/demo-passphrase';
import { holdUnlocked, newCaseLock } from '../lock/unlock-actions';

export function CaseListPage({ onOpen }: { onOpen: (caseId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Unlocking a case changes what the list may show (its title) without a write: a dependency.
  const lockVersion = useLockVersion();
  const list = useLiveQuery(() => cases.listCases(), [lockVersion]);
  const [creating, setCreating] = useState(false);
  const [openedAt] = useState(Date.now);
  const storage = useStorageStatus();
  const [demo, setDemo] = useState<DemoProgress | null>(null);
  const [demoError, setDemoError] = useState<string | null>(null);

  const startDemo = async () => {
    setDemoError(null);
    setDemo({ file: '', index: 0, count: 1 });
    try {
      const caseId = await openDemoCase(preferences.investigator() || t('cases.demoInvestigator'), setDemo);
      setDemo(null);
      onOpen(caseId);
    } catch (error) {
      setDemo(null);
      setDemoError(error instanceof Error ? error.message : String(error));
    }
  };

  const hotkeys = useMemo(
    () => [{ combo: 'alt+n', global: true, label: t('cases.new'), onKeyDown: () => setCreating(true) }],
    [t],
  );
  useHotkeys(hotkeys);

  const [transfer, setTransfer] = useState<string | null>(null);
  const [picked, setPicked] = useState<PickedCase[] | null>(null);
  const transferMessage = (error: unknown) =>
    isCaseExists(error)
      ? error.locked
        ? t('caseFile.existsLocked')
        : t('caseFile.exists', { title: error.title })
      : t('caseFile.importFailed', { message: error instanceof Error ? error.message : String(error) });
  const importCase = async () => {
    setTransfer(null);
    try {
      const files = await pickCaseFiles();
      if (files.length > 0) setPicked(files);
    } catch (error) {
      setTransfer(transferMessage(error));
    }
  };
  const importDialog = (
    <ImportCaseDialog
      picked={picked}
      onCancel={() => setPicked(null)}
      onImport={async (lock, filePassphrase) => {
        try {
          const imported = await importPickedCases(
            picked ?? [],
            preferences.investigator(),
            lock.passphrase,
            lock.remember,
            filePassphrase,
          );
          setPicked(null);
          const last = imported.at(-1);
          if (last) onOpen(last.caseId);
        } catch (error) {
          // A mistyped file passphrase is said in the dialog, which stays open for another try.
          if (error instanceof CaseFilePassphraseError) throw error;
          setPicked(null);
          setTransfer(transferMessage(error));
        }
      }}
    />
  );
  const importCaseButton = (
    <Button icon="document-open" onClick={importCase} data-testid="import-case-file">
      {t('caseFile.import')}
    </Button>
  );
  const transferProblem = transfer ? (
    <Callout intent={Intent.DANGER} icon="error" className="mt-gap" data-testid="case-file-problem">
      {transfer}
    </Callout>
  ) : null;
  const demoButton = (
    <Button icon="lab-test" onClick={startDemo} data-testid="open-demo" disabled={demo !== null}>
      {t('cases.openDemo')}
    </Button>
  );
  const demoDialog = (
    <Dialog
      isOpen={demo !== null || demoError !== null}
      title={t('cases.demoTitle')}
      icon="lab-test"
      onClose={() => setDemoError(null)}
      isCloseButtonShown={demoError !== null}
    >
      <DialogBody>
        {demoError ? (
          <p>{t('cases.demoFailed', { message: demoError })}</p>
        ) : demo ? (
          <>
            <p>{t('cases.demoProgress', { index: demo.index, count: demo.count, file: demo.file })}</p>
            <p className="mt-muted mt-small">{t('lock.demoPassphrase', { passphrase: DEMO_PASSPHRASE })}</p>
            <ProgressBar
              intent={Intent.PRIMARY}
              value={demo.count > 0 ? (demo.index - 1) / demo.count : undefined}
            />
          </>
        ) : null}
      </DialogBody>
    </Dialog>
  );
  const dialog = (
    <NewCaseDialog
      isOpen={creating}
      onClose={() => setCreating(false)}
      onCreate={async (input, passphrase) => {
        const lock = await newCaseLock(passphrase.passphrase);
        const created = await cases.createCase(input, lock).catch((error: unknown) => {
          lock.keys.dispose();
          throw error;
        });
        await holdUnlocked(created.id, lock.keys, passphrase.remember);
        setCreating(false);
        onOpen(created.id);
      }}
    />
  );
  const newButton = (
    <Button
      intent={Intent.PRIMARY}
      icon="folder-new"
      onClick={() => setCreating(true)}
      data-testid="new-case"
    >
      {t('cases.new')}
    </Button>
  );

  if (list === undefined) return null;

  if (list.length === 0) {
    return (
      <div className="mt-page mt-centered">
        <NonIdealState
          icon="folder-open"
          title={t('cases.empty.title')}
          description={t('cases.empty.description')}
          action={
            <>
              <div className="mt-actions">
                {newButton}
                {demoButton}
                {importCaseButton}
              </div>
              {transferProblem}
            </>
          }
        />
        {dialog}
        {demoDialog}
        {importDialog}
      </div>
    );
  }

  return (
    <div className="mt-page">
      <header className="mt-page-header">
        <div>
          <h1 className="mt-page-title">{t('cases.title')}</h1>
          <span className="mt-muted">
            {t('cases.count', { count: list.length })} ·{' '}
            {t('cases.timeZoneNote', { zone: format.zone(openedAt) })}
          </span>
        </div>
        <div className="mt-actions">
          {importCaseButton}
          {demoButton}
          {newButton}
        </div>
      </header>
      {transferProblem}
      <HTMLTable interactive striped className="mt-table mt-case-table" data-testid="case-table">
        <thead>
          <tr>
            <th>{t('cases.columns.title')}</th>
            <th>{t('cases.columns.registryNumber')}</th>
            <th>{t('cases.columns.investigator')}</th>
            <th className="mt-num">{t('cases.columns.created')}</th>
            <th className="mt-num">{t('cases.columns.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((item) => (
            <tr
              key={item.id}
              onClick={() => onOpen(item.id)}
              onKeyDown={(event) => event.key === 'Enter' && onOpen(item.id)}
              tabIndex={0}
              data-testid="case-row"
            >
              {item.locked ? (
                <td className="mt-muted" data-testid="locked-case">
                  <Icon icon="lock" size={12} /> {t('lock.lockedRow')}
                </td>
              ) : (
                <td className="mt-strong">
                  {item.title}{' '}
                  {item.encrypted ? (
                    <Icon icon="unlock" size={12} className="mt-muted" title={t('lock.encryptedTag')} />
                  ) : (
                    <Tag minimal intent={Intent.WARNING}>
                      {t('lock.plainTag')}
                    </Tag>
                  )}
                </td>
              )}
              <td className="mt-mono">{(!item.locked && item.registryNumber) || '—'}</td>
              <td>{(!item.locked && item.investigator) || '—'}</td>
              <td className="mt-num">{format.dateTime(item.createdAt)}</td>
              <td className="mt-num">{format.dateTime(item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      {storage ? (
        <p className="mt-muted mt-small mt-gap" data-testid="storage-status">
          {t('storage.used', {
            used: format.count(Math.round(storage.usedBytes / 1_048_576)),
            quota: format.count(Math.round(storage.quotaBytes / 1_048_576)),
          })}
          {storage.persisted ? ` · ${t('storage.persisted')}` : ` · ${t('storage.notPersisted')}`}
        </p>
      ) : null}
      {storage && storage.quotaBytes > 0 && storage.usedBytes / storage.quotaBytes > STORAGE_WARNING_SHARE ? (
        <Callout intent={Intent.WARNING} icon="database" data-testid="storage-warning">
          {t('storage.almostFull')}
        </Callout>
      ) : null}
      {dialog}
      {demoDialog}
      {importDialog}
    </div>
  );
}
