import { Button, Callout, HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { CaseEntity, CaseEntityIndex } from '../../../shared/resolve/case-entities';
import type { HolderIndex } from '../../../shared/resolve/holders';
import { HolderEvidenceList } from './HolderEvidenceList';
import { useFormat } from '../../app/use-format';
import { useWorkspaceNav } from '../workspace/workspace-nav';
import { EntityLabel } from './EntityLabel';
import { identifierFacts } from './identifier-facts';

const SHOWN_MENTIONS = 300;

interface EntityDetailsProps {
  entity: CaseEntity;
  index: CaseEntityIndex;
  holders: HolderIndex;
  fileNames: Map<string, string>;
  onSelect: (key: string) => void;
  onClose: () => void;
}

/** Everything known about one identifier, each claim leading back to its source rows. */
export function EntityDetails({ entity, index, holders, fileNames, onSelect, onClose }: EntityDetailsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const nav = useWorkspaceNav();
  const facts = identifierFacts(entity.kind, entity.value, format.language);
  const holderKeys = holders.holdersOf.get(entity.key) ?? [];
  const asHolder = holders.byKey.get(entity.key);

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
            {t('entities.valid')}
          </Tag>
        </dd>
        {facts.map((fact) => (
          <FactRow key={fact.label} label={t(`entities.facts.${fact.label}`)} value={fact.value} />
        ))}
      </dl>
      {entity.resolution ? (
        <Callout
          compact
          icon="eye-off"
          intent={entity.resolution.status === 'ambiguous' ? 'warning' : 'none'}
        >
          {entity.resolution.status === 'resolved' ? (
            <>
              {t('entities.resolvedTo')}{' '}
              <a
                onClick={() =>
                  onSelect(`card:${entity.resolution?.status === 'resolved' ? entity.resolution.card : ''}`)
                }
              >
                <EntityLabel kind="card" value={entity.resolution.card} />
              </a>
            </>
          ) : entity.resolution.status === 'ambiguous' ? (
            <>
              {t('entities.ambiguousExplained')}
              <ul className="mt-list">
                {entity.resolution.candidates.map((card) => (
                  <li key={card}>
                    <a onClick={() => onSelect(`card:${card}`)}>
                      <EntityLabel kind="card" value={card} />
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            t('entities.unresolvedExplained')
          )}
        </Callout>
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
            {entity.mentions.slice(0, SHOWN_MENTIONS).map((mention, i) => (
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
      </section>
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
