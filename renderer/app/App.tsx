import { Classes, HotkeysProvider, NonIdealState, OverlaysProvider } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { host } from '../host';
import { caseStore } from '../db';
import { openCheckedCaseStore } from '../db/schema';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CaseWorkspace } from '../features/workspace/CaseWorkspace';
import { watchActivity, watchScreenLock } from '../features/lock/case-locks';
import { preferences, type Theme } from './preferences';
import { useRoute } from './route';
import { TopBar } from './TopBar';

export function App() {
  const { i18n } = useTranslation();
  const [route, go] = useRoute();
  const [theme, setTheme] = useState<Theme>(preferences.theme);
  const [version, setVersion] = useState('');
  const [storeProblem, setStoreProblem] = useState<string | null>(null);

  useEffect(() => {
    openCheckedCaseStore(caseStore).catch((error: unknown) =>
      setStoreProblem(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  // The investigator's input keeps unlocked cases open; its absence lets them lock themselves.
  useEffect(() => watchActivity(), []);
  useEffect(() => watchScreenLock(() => host.awaitScreenLock()), []);

  useEffect(() => {
    void host.getAppInfo().then((result) => result.ok && setVersion(result.value.version));
  }, []);

  useEffect(() => {
    document.body.classList.toggle(Classes.DARK, theme === 'dark');
    preferences.setTheme(theme);
  }, [theme]);

  return (
    <OverlaysProvider>
      <HotkeysProvider>
        <div className="mt-app">
          <TopBar
            theme={theme}
            onThemeChange={setTheme}
            onLanguageChange={(language) => {
              preferences.setLanguage(language);
              void i18n.changeLanguage(language);
            }}
            onHome={() => go({ page: 'cases' })}
            version={version}
          />
          <main className="mt-main">
            {storeProblem ? (
              <div className="mt-page mt-centered">
                <NonIdealState icon="error" title="MoneyTrail" description={storeProblem} />
              </div>
            ) : route.page === 'case' ? (
              <CaseWorkspace caseId={route.caseId} onBack={() => go({ page: 'cases' })} />
            ) : (
              <CaseListPage onOpen={(caseId) => go({ page: 'case', caseId })} />
            )}
          </main>
        </div>
      </HotkeysProvider>
    </OverlaysProvider>
  );
}
