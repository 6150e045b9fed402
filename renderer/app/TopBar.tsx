import {
  Alignment,
  Button,
  HTMLSelect,
  Navbar,
  NavbarDivider,
  NavbarGroup,
  NavbarHeading,
  Tag,
} from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/format/money';
import { currentLanguage, languageNames, uiLanguages } from './i18n';
import { AUTO_LOCK_CHOICES, preferences, type Theme } from './preferences';
import { caseLocks } from '../features/lock/case-locks';
import { useState } from 'react';
import { BankTablesDialog } from '../features/banks/BankTablesDialog';

interface TopBarProps {
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
  onLanguageChange: (language: UiLanguage) => void;
  onHome: () => void;
  version: string;
}

export function TopBar({ theme, onThemeChange, onLanguageChange, onHome, version }: TopBarProps) {
  const { t, i18n } = useTranslation();
  const [banks, setBanks] = useState(false);
  const [autoLock, setAutoLock] = useState(preferences.autoLockMinutes);
  return (
    <Navbar className="mt-topbar">
      <NavbarGroup align={Alignment.START}>
        <NavbarHeading className="mt-brand" onClick={onHome} role="link" aria-label={t('cases.title')}>
          <img src="./logo.svg" alt="" width={22} height={22} />
          <span className="mt-brand-name">{t('app.name')}</span>
        </NavbarHeading>
        <span className="mt-tagline">{t('app.tagline')}</span>
      </NavbarGroup>
      <NavbarGroup align={Alignment.END}>
        <Tag minimal icon="shield" className="mt-offline-tag">
          {t('app.offline')}
        </Tag>
        <Button variant="minimal" icon="bank-account" onClick={() => setBanks(true)} data-testid="open-banks">
          {t('banks.open')}
        </Button>
        <BankTablesDialog isOpen={banks} onClose={() => setBanks(false)} />
        <NavbarDivider />
        <HTMLSelect
          aria-label={t('lock.autoLock')}
          title={t('lock.autoLockHint')}
          data-testid="auto-lock-select"
          value={autoLock}
          onChange={(event) => {
            const minutes = Number(event.currentTarget.value);
            caseLocks.setIdleMinutes(minutes);
            setAutoLock(minutes);
          }}
          options={AUTO_LOCK_CHOICES.map((minutes) => ({
            value: minutes,
            label: `${t('lock.autoLock')}: ${t('lock.autoLockOption', { minutes })}`,
          }))}
          minimal
        />
        <HTMLSelect
          aria-label={t('app.language')}
          data-testid="language-select"
          value={currentLanguage(i18n.language)}
          onChange={(event) => onLanguageChange(event.currentTarget.value as UiLanguage)}
          options={uiLanguages.map((language) => ({ value: language, label: languageNames[language] }))}
          minimal
        />
        <Button
          variant="minimal"
          icon={theme === 'dark' ? 'flash' : 'moon'}
          aria-label={theme === 'dark' ? t('app.theme.light') : t('app.theme.dark')}
          title={theme === 'dark' ? t('app.theme.light') : t('app.theme.dark')}
          onClick={() => onThemeChange(theme === 'dark' ? 'light' : 'dark')}
        />
        <span className="mt-version">{t('app.version', { version })}</span>
      </NavbarGroup>
    </Navbar>
  );
}
