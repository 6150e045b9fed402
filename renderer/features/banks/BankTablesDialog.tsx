import {
  Button,
  Callout,
  Dialog,
  DialogBody,
  DialogFooter,
  FormGroup,
  HTMLSelect,
  HTMLTable,
  InputGroup,
  Intent,
  Tag,
} from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkBinAddition, readBinTableFile } from '../../../shared/identifiers/bank-overlay';
import { host } from '../../host';
import { bankTables, useBankTablesVersion } from '../../app/bank-directory';
import { currentLanguage } from '../../app/i18n';

/** The BIN table the app names issuing banks from, and the investigator's own additions to it. */
export function BankTablesDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  useBankTablesVersion();
  const table = bankTables.table();
  const additions = bankTables.additions();
  const [bankId, setBankId] = useState(table.banks[0]?.id ?? '');
  const [prefix, setPrefix] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const english = currentLanguage(i18n.language) === 'en';

  const add = () => {
    const addition = {
      bankId,
      prefix: prefix.replace(/\s/g, ''),
      confidence: 'verified' as const,
      note: note.trim(),
      addedAt: 0,
    };
    const reason = checkBinAddition(addition, table);
    if (reason) return setProblem(t('banks.badPrefix', { reason }));
    bankTables.addPrefix(addition);
    setPrefix('');
    setNote('');
    setProblem(null);
  };

  const load = async () => {
    const picked = await host.openFiles({ purpose: 'bank-table', multiple: false });
    if (!picked.ok) return setProblem(picked.error.message);
    const file = picked.value[0];
    if (!file) return;
    try {
      bankTables.replaceTable(readBinTableFile(new TextDecoder().decode(file.bytes)));
      setProblem(null);
    } catch (error) {
      setProblem(
        t('banks.badFile', {
          file: file.name,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={t('banks.title')}
      icon="bank-account"
      className="mt-import-dialog-wide"
    >
      <DialogBody>
        <p className="mt-small">{t('banks.explain')}</p>
        <Callout compact icon="info-sign" className="mt-gap">
          {bankTables.isBundled()
            ? t('banks.bundled', { date: table.date })
            : t('banks.loaded', { date: table.date })}
          <div className="mt-muted mt-small">{table.source}</div>
        </Callout>
        {problem ? (
          <Callout intent={Intent.DANGER} compact className="mt-gap" data-testid="bank-problem">
            {problem}
          </Callout>
        ) : null}
        <div className="mt-bank-add mt-gap">
          <FormGroup label={t('banks.bank')} inline>
            <HTMLSelect
              value={bankId}
              onChange={(event) => setBankId(event.currentTarget.value)}
              options={table.banks.map((bank) => ({
                value: bank.id,
                label: english ? bank.name.en : bank.name.ru,
              }))}
            />
          </FormGroup>
          <FormGroup label={t('banks.prefix')} inline>
            <InputGroup
              value={prefix}
              onChange={(event) => setPrefix(event.currentTarget.value)}
              placeholder="440563"
              data-testid="bin-prefix"
            />
          </FormGroup>
          <FormGroup label={t('banks.source')} inline>
            <InputGroup
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              placeholder={t('banks.sourceHint')}
            />
          </FormGroup>
          <Button icon="add" intent={Intent.PRIMARY} onClick={add} data-testid="add-bin">
            {t('banks.add')}
          </Button>
        </div>
        <div className="mt-preview-scroll mt-gap">
          <HTMLTable compact striped className="mt-table" data-testid="bank-table">
            <thead>
              <tr>
                <th>{t('banks.bank')}</th>
                <th>BIC</th>
                <th>{t('banks.prefixes')}</th>
              </tr>
            </thead>
            <tbody>
              {table.banks.map((bank) => (
                <tr key={bank.id}>
                  <td>{english ? bank.name.en : bank.name.ru}</td>
                  <td className="mt-mono">{bank.bic ?? '—'}</td>
                  <td>
                    {bank.binPrefixes.map((item) => (
                      <Tag
                        key={item.prefix}
                        minimal
                        className="mt-evidence"
                        title={item.note ?? item.confidence}
                      >
                        {item.prefix} · {item.confidence}
                      </Tag>
                    ))}
                    {additions
                      .filter((item) => item.bankId === bank.id)
                      .map((item) => (
                        <Tag
                          key={item.prefix}
                          intent={Intent.SUCCESS}
                          minimal
                          className="mt-evidence"
                          title={item.note}
                          onRemove={() => bankTables.removePrefix(item.prefix)}
                        >
                          {item.prefix} · {t('banks.yours')}
                        </Tag>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </div>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            {!bankTables.isBundled() ? (
              <Button onClick={() => bankTables.resetTable()}>{t('banks.reset')}</Button>
            ) : null}
            <Button icon="document-open" onClick={load}>
              {t('banks.load')}
            </Button>
            <Button intent={Intent.PRIMARY} onClick={onClose}>
              {t('importer.close')}
            </Button>
          </>
        }
      />
    </Dialog>
  );
}
