import {
  Button,
  Callout,
  Checkbox,
  Dialog,
  DialogBody,
  DialogFooter,
  FormGroup,
  HTMLSelect,
  InputGroup,
  ProgressBar,
  RadioGroup,
  Radio,
} from '@blueprintjs/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { goesInPacket, type FreezeRequest } from '../../../shared/freeze';
import type { PacketLang } from '../../../shared/packet/types';
import { useWorkspaceNav } from '../workspace/workspace-nav';
import type { PacketScope } from '../../../shared/packet/build';
import { cases, caseSettings } from '../../db';
import { exportPackets, SIGNER_SETTING, type Signer } from './packet-export';

/**
 * Building the seizure packet: one ZIP for the whole case or one per institution, letters in
 * Russian or Kazakh. Only approved requests (and those already sent or answered) go in unless
 * the investigator asks for the proposed ones too: a packet is what was decided to send.
 */
export function ExportPacketDialog({
  caseId,
  requests,
  onClose,
}: {
  caseId: string;
  requests: FreezeRequest[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const nav = useWorkspaceNav();
  const [scope, setScope] = useState<PacketScope>('case');
  const [lang, setLang] = useState<PacketLang>(i18n.language === 'kk' ? 'kk' : 'ru');
  const [withProposed, setWithProposed] = useState(false);
  const [step, setStep] = useState<string | null>(null);
  const [done, setDone] = useState<{ files: string[]; fingerprint: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const entries = useMemo(
    () => requests.filter((r) => goesInPacket(r, withProposed)),
    [requests, withProposed],
  );
  const institutions = new Set(entries.map((r) => r.institution)).size;
  // Who signs the letters: kept with the case, so the next packet is signed the same way.
  const [signer, setSigner] = useState<Signer>({ position: '', organisation: '', city: '' });
  const [registryMissing, setRegistryMissing] = useState(false);
  useEffect(() => {
    void caseSettings.get<Signer>(caseId, SIGNER_SETTING).then((stored) => stored && setSigner(stored));
    void cases
      .getCase(caseId)
      .then((kase) => setRegistryMissing(!!kase && !kase.locked && !kase.registryNumber));
  }, [caseId]);

  const run = async () => {
    setError(null);
    setDone(null);
    try {
      const result = await exportPackets(
        caseId,
        entries,
        { scope, lang, actor: nav.actor, signer },
        (s: string) => setStep(t(`packet.export.steps.${s}`)),
      );
      if (result) setDone(result);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setStep(null);
    }
  };

  return (
    <Dialog isOpen onClose={onClose} title={t('packet.export.title')} icon="box" style={{ width: 680 }}>
      <DialogBody>
        <p className="mt-muted">{t('packet.export.hint')}</p>
        <RadioGroup
          label={t('packet.export.scope')}
          selectedValue={scope}
          onChange={(e) => setScope(e.currentTarget.value as PacketScope)}
        >
          <Radio value="case" label={t('packet.export.scopeCase')} data-testid="packet-scope-case" />
          <Radio
            value="institution"
            label={t('packet.export.scopeInstitution', { count: institutions })}
            data-testid="packet-scope-institution"
          />
        </RadioGroup>
        <FormGroup label={t('packet.export.language')} labelFor="packet-lang" inline>
          <HTMLSelect
            id="packet-lang"
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value as PacketLang)}
            options={[
              { value: 'ru', label: 'Русский' },
              { value: 'kk', label: 'Қазақша' },
            ]}
            data-testid="packet-lang"
          />
        </FormGroup>
        <div className="mt-signer">
          {(['position', 'organisation', 'city'] as const).map((field) => (
            <FormGroup key={field} label={t(`packet.export.signer.${field}`)} labelFor={`signer-${field}`}>
              <InputGroup
                id={`signer-${field}`}
                value={signer[field]}
                placeholder={t(`packet.export.signer.${field}Hint`)}
                onValueChange={(value) => setSigner({ ...signer, [field]: value })}
                data-testid={`signer-${field}`}
              />
            </FormGroup>
          ))}
        </div>
        {registryMissing ? (
          <Callout intent="warning" compact className="mt-gap" data-testid="packet-no-registry">
            {t('packet.export.noRegistry')}
          </Callout>
        ) : null}
        <Checkbox
          checked={withProposed}
          onChange={() => setWithProposed(!withProposed)}
          label={t('packet.export.withProposed')}
        />
        <p data-testid="packet-export-count">
          {t('packet.export.count', { count: entries.length, institutions })}
        </p>
        {entries.length === 0 ? (
          <Callout intent="warning" compact>
            {t('packet.export.nothing')}
          </Callout>
        ) : null}
        {step ? (
          <div className="mt-gap">
            <div className="mt-small mt-muted">{step}</div>
            <ProgressBar intent="primary" />
          </div>
        ) : null}
        {done ? (
          <Callout
            intent="success"
            title={t('packet.export.done', { count: done.files.length })}
            data-testid="packet-export-done"
          >
            {done.files.map((f) => (
              <div key={f} className="mt-mono mt-small">
                {f}
              </div>
            ))}
            <div className="mt-small">
              {t('packet.fingerprint.signedWith')} <span className="mt-mono">{done.fingerprint}</span>
            </div>
          </Callout>
        ) : null}
        {error ? (
          <Callout intent="danger" data-testid="packet-export-error">
            {error}
          </Callout>
        ) : null}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button onClick={onClose}>{t('freeze.close')}</Button>
            <Button
              intent="primary"
              icon="export"
              disabled={entries.length === 0 || step !== null}
              loading={step !== null}
              onClick={run}
              data-testid="packet-export-run"
            >
              {t('packet.export.run')}
            </Button>
          </>
        }
      />
    </Dialog>
  );
}
