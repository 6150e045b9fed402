import { HTMLTable, InputGroup, NonIdealState, Tag } from '@blueprintjs/core';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../shared/identifiers/types';
import type { MaskedResolution } from '../../../shared/identifiers/resolve';
import { entityKindStyle } from '../../app/entity-kinds';
import { useFormat } from '../../app/use-format';
import { EntityDetails } from './EntityDetails';
import { EntityLabel } from './EntityLabel';
import { useCaseEntities } from './use-case-entities';
import type { CaseEntity } from '../../../shared/resolve/case-entities';

const SHOWN = 500;

export function EntitiesTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const loaded = useCaseEntities(caseId);
  const [kind, setKind] = useState<IdentifierKind | 'all'>('all');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);

  const matching = useMemo(() => {
    if (!loaded) return [];
    const needle = query.replace(/[\s\-()]/g, '').toLowerCase();
    return loaded.index.entities.filter(
      (entity) =>
        (kind === 'all' || entity.kind === kind) && (!needle || entity.value.toLowerCase().includes(needle)),
    );
  }, [loaded, kind, query]);

  if (!loaded) return null;
  if (loaded.index.entities.length === 0) {
    return (
      <div className="mt-tab-empty" data-testid="empty-entities">
        <NonIdealState
          icon="id-number"
          title={t('empty.entities.title')}
          description={t('empty.entities.description')}
        />
      </div>
    );
  }
  const current = selected ? loaded.index.byKey.get(selected) : undefined;

  return (
    <div className="mt-split">
      <div className="mt-tab-panel mt-split-main">
        <header className="mt-panel-header">
          <div>
            <h2>{t('entities.title')}</h2>
            <span className="mt-muted">{t('entities.count', { count: loaded.index.entities.length })}</span>
          </div>
          <InputGroup
            leftIcon="search"
            placeholder={t('entities.search')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            data-testid="entity-search"
            className="mt-search"
          />
        </header>
        <div className="mt-kind-filter">
          <Tag interactive minimal={kind !== 'all'} onClick={() => setKind('all')} round>
            {t('entities.all')} · {format.count(loaded.index.entities.length)}
          </Tag>
          {IDENTIFIER_KINDS.filter((item) => loaded.index.counts[item] > 0).map((item) => (
            <Tag
              key={item}
              interactive
              round
              minimal={kind !== item}
              icon={entityKindStyle[item].icon}
              onClick={() => setKind(item)}
              data-testid={`kind-${item}`}
            >
              {t(`entities.kinds.${item}`)} · {format.count(loaded.index.counts[item])}
            </Tag>
          ))}
        </div>
        <HTMLTable interactive compact striped className="mt-table" data-testid="entity-table">
          <thead>
            <tr>
              <th>{t('entities.columns.identifier')}</th>
              <th>{t('entities.columns.kind')}</th>
              <th className="mt-num">{t('entities.columns.mentions')}</th>
              <th className="mt-num">{t('entities.columns.files')}</th>
              <th>{t('entities.columns.resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {matching.slice(0, SHOWN).map((entity) => (
              <EntityRow
                key={entity.key}
                entity={entity}
                isSelected={entity.key === selected}
                onSelect={setSelected}
                resolution={loaded.identity.resolutions.get(entity.key) ?? entity.resolution}
              />
            ))}
          </tbody>
        </HTMLTable>
        {matching.length > SHOWN ? (
          <p className="mt-muted">
            {t('entities.truncated', { shown: format.count(SHOWN), total: format.count(matching.length) })}
          </p>
        ) : null}
      </div>
      {current ? (
        <EntityDetails
          key={current.key}
          entity={current}
          index={loaded.index}
          holders={loaded.holders}
          identity={loaded.identity}
          caseId={caseId}
          fileNames={loaded.fileNames}
          onSelect={setSelected}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </div>
  );
}

function ResolutionCell({
  resolution,
  aliases,
}: {
  resolution: MaskedResolution | undefined;
  aliases: string[] | undefined;
}) {
  const { t } = useTranslation();
  if (resolution?.status === 'resolved') return <EntityLabel kind="card" value={resolution.card} />;
  if (resolution?.status === 'ambiguous') {
    return (
      <Tag minimal intent="warning">
        {t('entities.ambiguous', { count: resolution.candidates.length })}
      </Tag>
    );
  }
  if (aliases && aliases.length > 0)
    return <span className="mt-muted">{t('entities.aliases', { count: aliases.length })}</span>;
  return null;
}

/**
 * One row of the entity table, re-drawn only when its own props change: selecting an entity then
 * redraws two rows, not the 500 shown (that alone took a third of a second on a big case).
 */
const EntityRow = memo(function EntityRow({
  entity,
  isSelected,
  onSelect,
  resolution,
}: {
  entity: CaseEntity;
  isSelected: boolean;
  onSelect: (key: string) => void;
  resolution: CaseEntity['resolution'];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <tr
      onClick={() => onSelect(entity.key)}
      className={isSelected ? 'mt-selected' : undefined}
      data-testid="entity-row"
    >
      <td>
        <EntityLabel kind={entity.kind} value={entity.value} />
      </td>
      <td className="mt-muted">{t(`entities.kinds.${entity.kind}`)}</td>
      <td className="mt-num">{format.count(entity.mentions.length)}</td>
      <td className="mt-num">{format.count(entity.files)}</td>
      <td>
        <ResolutionCell resolution={resolution} aliases={entity.maskedAliases} />
      </td>
    </tr>
  );
});
