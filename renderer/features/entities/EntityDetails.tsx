import { Button, Callout, HTMLTable, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import type { DecidedIdentity } from '../../../shared/resolve/decisions';
import { decisions } from '../../db';
import { DecisionDialog, type PendingDecision } from './DecisionDialog';
import { useTranslation } from 'react-i18next';
import type { CaseEntity, CaseEntityIndex } from '../../../shared/resolve/case-entities';
import type { HolderIndex } from '../../../shared/resolve/holders';
import { HolderEvidenceList } from './HolderEvidenceList';
import { useFormat } from '../../app/use-format';
import { useWorkspaceNav } from '../workspace/workspace-nav';
import { EntityLabel } from './EntityLabel';
import { MergeWith } from './MergeWith';
import { identifierFacts } from './identifier-facts';
import { useBankTablesVersion } from '../../app/bank-directory';

/** Mentions drawn at first (an account owner can have hundreds of thousands); more on request. */
const SHOWN_MENTIONS = 100;

interface EntityDetailsProps {
  entity: CaseEntity;
  index: CaseEntityIndex;
  holders: HolderIndex;
  identity: DecidedIdentity;
  caseId: string;
  fileNames: Map<string, string>;
  onSelect: (key: string) => void;
  onClose: () => void;
}

/** Everything known about one identifier, each claim leading back to its source rows. */
export function EntityDetails({
  entity,
  index,
  holders,
  identity,
  caseId,
  fileNames,
  onSelect,
  onClose,
}: EntityDetailsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const nav = useWorkspaceNav();
  useBankTablesVersion();
  const facts = identifierFacts(entity.kind, entity.value, format.language);
  const holderKeys = holders.holdersOf.get(entity.key) ?? [];
  const asHolder = holders.byKey.get(entity.key);
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const [shownMentions, setShownMentions] = useState(SHOWN_MENTIONS);
  const resolution = identity.resolutions.get(entity.key) ?? entity.resolution;
  const group = identity.members.get(identity.groupOf.get(entity.key) ?? '') ?? [];
  const decide = async (reason: string) => {
    if (!pending) return;
    await decisions.record(caseId, pending.action, pending.keys, reason, nav.actor);
    setPending(null);
  };

  return (
    <aside className="mt-details-panel" data-testid="entity-details">
      <header className="mt-panel-header">
        <h3>
          <EntityLabel kind={entity.kind} value={entity.value} />
        </h3>
        <Button variant="minimal" icon="cross" onClick={onClose} aria-label={t('common.close')} />
      </header>
      <dl className="mt-facts">
        <dt>{t('entities.columns.kind')}</dt>
        <dd>{t(`entities.kinds.${entity.kind}`)}</dd>
        <dt>{t('entities.facts.value')}</dt>
        <dd className="mt-mono mt-break">{entity.value}</dd>
        <dt>{t('entities.facts.validity')}</dt>
        <dd>
          <Tag minimal intent="success" icon="tick">
            {entity.kind === 'card_masked' ? t('entities.validPattern') : t('entities.valid')}
          </Tag>
        </dd>
        {facts.map((fact) => (
          <FactRow key={fact.label} label={t(`entities.facts.${fact.label}`)} value={fact.value} />
        ))}
      </dl>
      {resolution ? (
        <Callout
          compact
          icon="eye-off"
          intent={resolution.status === 'ambiguous' ? 'warning' : 'none'}
          data-testid="masked-resolution"
        >
          {resolution.status === 'resolved' ? (
            <>
              {t('entities.resolvedTo')}{' '}
              <a onClick={() => onSelect(`card:${resolution.card}`)}>
                <EntityLabel kind="card" value={resolution.card} />
              </a>
              <div className="mt-gap">
                <Button
                  small
                  icon="split-columns"
                  onClick={() =>
                    setPending({ action: 'split', keys: [entity.key, `card:${resolution.card}`] })
                  }
                  data-testid="split-resolution"
                >
                  {t('entities.decision.notThisCard')}
                </Button>
              </div>
            </>
          ) : resolution.status === 'ambiguous' ? (
            <>
              {t('entities.ambiguousExplained')}
              <ul className="mt-link-list mt-gap">
                {resolution.candidates.map((card) => (
                  <li key={card}>
                    <a onClick={() => onSelect(`card:${card}`)}>
                      <EntityLabel kind="card" value={card} />
                    </a>{' '}
                    <Button
                      small
                      variant="minimal"
                      icon="merge-links"
                      onClick={() => setPending({ action: 'merge', keys: [entity.key, `card:${card}`] })}
                      data-testid="merge-candidate"
                    >
                      {t('entities.decision.thisCard')}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            t('entities.unresolvedExplained')
          )}
        </Callout>
      ) : null}
      {group.length > 1 ? (
        <section data-testid="merged-group">
          <h4 className="mt-section-title">{t('entities.decision.mergedWith')}</h4>
          <ul className="mt-link-list">
            {group
              .filter((key) => key !== entity.key)
              .map((key) => {
                const other = index.byKey.get(key);
                return (
                  <li key={key}>
                    {other ? (
                      <a onClick={() => onSelect(key)}>
                        <EntityLabel kind={other.kind} value={other.value} />
                      </a>
                    ) : (
                      <span className="mt-mono">{key}</span>
                    )}{' '}
                    <Button
                      small
                      variant="minimal"
                      icon="split-columns"
                      onClick={() => setPending({ action: 'split', keys: [entity.key, key] })}
                    >
                      {t('entities.decision.split')}
                    </Button>
                  </li>
                );
              })}
          </ul>
        </section>
      ) : null}
      {holderKeys.length > 0 ? (
        <section data-testid="entity-holders">
          <h4 className="mt-section-title">{t('entities.holders')}</h4>
          <ul className="mt-link-list">
            {holderKeys.map((key) => {
              const holder = holders.byKey.get(key);
              if (!holder) return null;
              return (
                <li key={key}>
                  <strong>{holder.names.join(' / ') || t('sources.details.unknownHolder')}</strong>
                  {holder.idNumber ? <span className="mt-mono"> · {holder.idNumber}</span> : null}
                  <HolderEvidenceList
                    evidence={holder.identifiers.get(entity.key) ?? []}
                    fileNames={fileNames}
                  />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {asHolder ? (
        <section data-testid="holder-identifiers">
          <h4 className="mt-section-title">
            {t('entities.holderOf', { names: asHolder.names.join(' / ') })}
          </h4>
          <ul className="mt-link-list">
            {[...asHolder.identifiers].map(([key, evidence]) => {
              const other = index.byKey.get(key);
              if (!other) return null;
              return (
                <li key={key}>
                  <a onClick={() => onSelect(key)}>
                    <EntityLabel kind={other.kind} value={other.value} />
                  </a>
                  <HolderEvidenceList evidence={evidence} fileNames={fileNames} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {entity.seenWith.length > 0 ? (
        <section>
          <h4 className="mt-section-title">{t('entities.seenWith')}</h4>
          <ul className="mt-link-list">
            {entity.seenWith.map((link) => {
              const other = index.byKey.get(link.key);
              if (!other) return null;
              return (
                <li key={link.key}>
                  <a onClick={() => onSelect(link.key)}>
                    <EntityLabel kind={other.kind} value={other.value} />
                  </a>
                  <span className="mt-muted mt-small">
                    {' '}
                    · {t('entities.rowsTogether', { count: link.rows })}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <section>
        <h4 className="mt-section-title">{t('entities.mentions', { count: entity.mentions.length })}</h4>
        <HTMLTable compact striped interactive className="mt-table" data-testid="mention-table">
          <thead>
            <tr>
              <th>{t('sources.columns.file')}</th>
              <th>{t('sources.details.where')}</th>
              <th>{t('entities.role')}</th>
            </tr>
          </thead>
          <tbody>
            {entity.mentions.slice(0, shownMentions).map((mention, i) => (
              <tr
                key={i}
                onClick={() =>
                  nav.showSourceRow({ sha256: mention.sha256, sheet: mention.sheet, row: mention.row })
                }
                title={t('entities.openRow')}
              >
                <td className="mt-ellipsis">
                  {fileNames.get(mention.sha256) ?? mention.sha256.slice(0, 12)}
                </td>
                <td className="mt-nowrap">
                  {mention.sheet}:{mention.row}
                  {mention.column ? ` (${mention.column})` : ''}
                </td>
                <td className="mt-muted">{t(`entities.roles.${mention.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
        {entity.mentions.length > shownMentions ? (
          <Button
            small
            variant="minimal"
            icon="more"
            onClick={() => setShownMentions(shownMentions + 500)}
            data-testid="more-mentions"
          >
            {t('entities.moreMentions', {
              shown: format.count(shownMentions),
              total: format.count(entity.mentions.length),
            })}
          </Button>
        ) : null}
      </section>
      <MergeWith
        entityKey={entity.key}
        index={index}
        onPick={(other) => setPending({ action: 'merge', keys: [entity.key, other] })}
      />
      <DecisionDialog pending={pending} onCancel={() => setPending(null)} onConfirm={decide} />
    </aside>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
