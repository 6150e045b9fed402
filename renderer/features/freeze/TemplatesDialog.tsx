import {
  Button,
  Callout,
  Dialog,
  DialogBody,
  DialogFooter,
  FormGroup,
  HTMLSelect,
  Tag,
  TextArea,
} from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultTemplate,
  PLACEHOLDERS,
  TEMPLATE_FIELDS,
  templateFromTexts,
  templateTexts,
  validateTemplate,
  type LetterTemplate,
  type TemplateIssue,
  type TemplateTexts,
} from '../../../shared/packet/letters';
import type { PacketLang } from '../../../shared/packet/types';
import { caseSettings } from '../../db';
import { useWorkspaceNav } from '../workspace/workspace-nav';
import { templateSetting } from './packet-export';

/**
 * The freeze-request letter, as the investigator's office words it: each block editable, stored
 * with the case, checked before saving (a mistyped placeholder is named, never sent to a bank).
 */
export function TemplatesDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const nav = useWorkspaceNav();
  const [lang, setLang] = useState<PacketLang>(i18n.language === 'kk' ? 'kk' : 'ru');
  const [texts, setTexts] = useState<TemplateTexts | null>(null);
  const [custom, setCustom] = useState(false);
  const [issues, setIssues] = useState<TemplateIssue[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void caseSettings.get<LetterTemplate>(caseId, templateSetting(lang)).then((stored) => {
      if (!live) return;
      setCustom(stored !== undefined);
      setTexts(templateTexts(stored ?? defaultTemplate(lang)));
      setIssues([]);
      setSaved(false);
    });
    return () => {
      live = false;
    };
  }, [caseId, lang]);

  const save = async () => {
    if (!texts) return;
    const template = templateFromTexts(texts);
    const found = validateTemplate(template);
    setIssues(found);
    if (found.length > 0) return;
    await caseSettings.put(caseId, templateSetting(lang), template, nav.actor);
    setCustom(true);
    setSaved(true);
  };
  const reset = async () => {
    await caseSettings.remove(caseId, templateSetting(lang), nav.actor);
    setCustom(false);
    setTexts(templateTexts(defaultTemplate(lang)));
    setIssues([]);
    setSaved(false);
  };

  const issueText = (issue: TemplateIssue) =>
    t(`packet.templates.issues.${issue.code}`, {
      field: t(`packet.templates.fields.${issue.field}`),
      placeholder: issue.placeholder ?? '',
    });

  return (
    <Dialog
      isOpen
      onClose={onClose}
      title={t('packet.templates.title')}
      icon="document"
      style={{ width: 820 }}
    >
      <DialogBody className="mt-templates">
        <div className="mt-templates-head">
          <HTMLSelect
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value as PacketLang)}
            options={[
              { value: 'ru', label: 'Русский' },
              { value: 'kk', label: 'Қазақша' },
            ]}
            data-testid="templates-lang"
          />
          <Tag minimal intent={custom ? 'primary' : 'none'}>
            {custom ? t('packet.templates.custom') : t('packet.templates.default')}
          </Tag>
        </div>
        <p className="mt-muted mt-small">
          {t('packet.templates.placeholders')}{' '}
          {PLACEHOLDERS.map((p) => (
            <code key={p} className="mt-placeholder">{`{{${p}}}`}</code>
          ))}
        </p>
        {texts
          ? TEMPLATE_FIELDS.map((field) => (
              <FormGroup
                key={field}
                label={t(`packet.templates.fields.${field}`)}
                labelFor={`template-${field}`}
                intent={issues.some((i) => i.field === field) ? 'danger' : 'none'}
              >
                <TextArea
                  id={`template-${field}`}
                  value={texts[field]}
                  onChange={(e) => {
                    setTexts({ ...texts, [field]: e.target.value });
                    setSaved(false);
                  }}
                  fill
                  autoResize
                  data-testid={`template-${field}`}
                />
              </FormGroup>
            ))
          : null}
        {issues.length > 0 ? (
          <Callout intent="danger" title={t('packet.templates.invalid')} data-testid="templates-issues">
            {issues.map((issue, i) => (
              <div key={i}>{issueText(issue)}</div>
            ))}
          </Callout>
        ) : null}
        {saved ? (
          <Callout intent="success" compact data-testid="templates-saved">
            {t('packet.templates.saved')}
          </Callout>
        ) : null}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button onClick={reset} disabled={!custom} data-testid="templates-reset">
              {t('packet.templates.reset')}
            </Button>
            <Button onClick={onClose}>{t('freeze.close')}</Button>
            <Button intent="primary" onClick={save} data-testid="templates-save">
              {t('packet.templates.save')}
            </Button>
          </>
        }
      />
    </Dialog>
  );
}
