import { Button, Callout, Intent, NonIdealState, Tab, Tabs, Tag, useHotkeys } from '@blueprintjs/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cases } from '../../db';
import { useFormat } from '../../app/use-format';
import { AuditTab } from '../audit/AuditTab';
import { SourcesTab } from '../sources/SourcesTab';
import { EntitiesTab } from '../entities/EntitiesTab';
import { TraceTab } from '../trace/TraceTab';
import { GraphTab } from '../graph/GraphTab';
import { FreezeTab } from '../freeze/FreezeTab';
import { WorkspaceNavContext, type SourceRowRef } from './workspace-nav';
import { EmptyTab } from './EmptyTab';
import { preferences } from '../../app/preferences';
import { ExportCaseButton } from './ExportCaseButton';
import { caseLocks, useLockVersion } from '../lock/case-locks';
import { LockedBoundary } from '../lock/LockedBoundary';
import { SetPassphraseDialog } from '../lock/SetPassphraseDialog';
import { ChangePassphraseDialog } from '../lock/ChangePassphraseDialog';
import { UnlockScreen } from '../lock/UnlockScreen';
import { workspaceTabs, type WorkspaceTabId } from './tabs';

export function CaseWorkspace({ caseId, onBack }: { caseId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The lock version is a dependency: unlocking changes what getCase returns without a write.
  const lockVersion = useLockVersion();
  const found = useLiveQuery(async () => (await cases.getCase(caseId)) ?? null, [caseId, lockVersion]);
  const [tab, setTab] = useState<WorkspaceTabId>('sources');
  const [focusedRow, setFocusedRow] = useState<SourceRowRef | null>(null);
  const [pendingTrace, setPendingTrace] = useState<string | null>(null);
  const [graphFocus, setGraphFocus] = useState<string[] | null>(null);
  const [settingPassphrase, setSettingPassphrase] = useState(false);
  const [changingPassphrase, setChangingPassphrase] = useState(false);
  const actor = preferences.investigator() || (found && !found.locked ? found.investigator : '') || '';
  const nav = useMemo(
    () => ({
      actor,
      focusedRow,
      showSourceRow: (ref: SourceRowRef) => {
        setFocusedRow(ref);
        setTab('sources');
      },
      pendingTrace,
      startTrace: (seed: string) => {
        setPendingTrace(seed);
        setTab('trace');
      },
      graphFocus,
      showOnGraph: (keys: string[]) => {
        setGraphFocus(keys);
        setTab('graph');
      },
      openFreeze: () => setTab('freeze'),
    }),
    [focusedRow, actor, pendingTrace, graphFocus],
  );

  const hotkeys = useMemo(
    () =>
      workspaceTabs.map((item, index) => ({
        combo: `alt+${index + 1}`,
        global: true,
        label: t(`workspace.tabs.${item.id}`),
        onKeyDown: () => setTab(item.id),
      })),
    [t],
  );
  useHotkeys(hotkeys);

  if (found === undefined) return null;
  if (found === null) {
    return (
      <div className="mt-page mt-centered">
        <NonIdealState
          icon="search"
          title={t('cases.empty.title')}
          action={<Button onClick={onBack}>{t('workspace.back')}</Button>}
        />
      </div>
    );
  }
  // Checked at render too: a lock shows the unlock screen at once, before the query re-runs.
  if (found.locked || (found.encrypted && !caseLocks.isUnlocked(caseId))) {
    const { id, createdAt, updatedAt } = found;
    return (
      <UnlockScreen kase={{ id, createdAt, updatedAt, encrypted: true, locked: true }} onBack={onBack} />
    );
  }

  return (
    <WorkspaceNavContext.Provider value={nav}>
      <div className="mt-workspace" data-testid="case-workspace">
        <header className="mt-workspace-header">
          <Button
            variant="minimal"
            icon="arrow-left"
            onClick={onBack}
            aria-label={t('workspace.back')}
            title={t('workspace.back')}
          />
          <div className="mt-workspace-title">
            <h1 data-testid="case-title">{found.title}</h1>
            <div className="mt-muted">
              <Tag minimal className="mt-mono">
                {found.registryNumber
                  ? t('workspace.registryNumber', { number: found.registryNumber })
                  : t('workspace.noRegistryNumber')}
              </Tag>{' '}
              {t('workspace.createdBy', {
                date: `${format.dateTime(found.createdAt)} (${format.zone(found.createdAt)})`,
                investigator: found.investigator || t('audit.anonymous'),
              })}
            </div>
          </div>
          <span className="mt-muted mt-hint">{t('workspace.hotkeysHint')}</span>
          <ExportCaseButton caseId={caseId} title={found.title} />
          {found.encrypted ? (
            <Button
              icon="key"
              onClick={() => setChangingPassphrase(true)}
              title={t('lock.changeTitle')}
              data-testid="change-passphrase"
            >
              {t('lock.change')}
            </Button>
          ) : null}
          {changingPassphrase ? (
            <ChangePassphraseDialog
              caseId={caseId}
              actor={actor}
              onClose={() => setChangingPassphrase(false)}
            />
          ) : null}
          {found.encrypted ? (
            <Button
              icon="lock"
              onClick={() => caseLocks.lock(caseId)}
              title={t('lock.lockHint')}
              data-testid="lock-case"
            >
              {t('lock.lock')}
            </Button>
          ) : null}
        </header>
        {found.encrypted ? null : (
          <Callout
            intent={Intent.WARNING}
            icon="unlock"
            compact
            className="mt-plain-case"
            title={t('lock.plainTitle')}
            data-testid="plain-case"
          >
            <span>{t('lock.plainDescription')}</span>{' '}
            <Button
              size="small"
              intent={Intent.PRIMARY}
              icon="lock"
              onClick={() => setSettingPassphrase(true)}
              data-testid="set-passphrase"
            >
              {t('lock.setPassphrase')}
            </Button>
            <SetPassphraseDialog
              caseId={caseId}
              actor={actor}
              isOpen={settingPassphrase}
              onClose={() => setSettingPassphrase(false)}
            />
          </Callout>
        )}
        <LockedBoundary key={lockVersion}>
          <Tabs
            id="workspace-tabs"
            selectedTabId={tab}
            onChange={(next) => setTab(next as WorkspaceTabId)}
            large
            className="mt-workspace-tabs"
            renderActiveTabPanelOnly
          >
            {workspaceTabs.map((item) => (
              <Tab
                key={item.id}
                id={item.id}
                icon={item.icon}
                title={t(`workspace.tabs.${item.id}`)}
                panel={panelFor(item.id, item.icon, caseId)}
              />
            ))}
          </Tabs>
        </LockedBoundary>
      </div>
    </WorkspaceNavContext.Provider>
  );
}

function panelFor(tab: WorkspaceTabId, icon: (typeof workspaceTabs)[number]['icon'], caseId: string) {
  if (tab === 'sources') return <SourcesTab caseId={caseId} />;
  if (tab === 'entities') return <EntitiesTab caseId={caseId} />;
  if (tab === 'audit') return <AuditTab caseId={caseId} />;
  if (tab === 'trace') return <TraceTab caseId={caseId} />;
  if (tab === 'graph') return <GraphTab caseId={caseId} />;
  if (tab === 'freeze') return <FreezeTab caseId={caseId} />;
  return <EmptyTab tab={tab} icon={icon} />;
}
