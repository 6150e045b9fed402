import { Button, InputGroup } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEntityIndex } from '../../../shared/resolve/case-entities';
import { EntityLabel } from './EntityLabel';

/** Finds another entity of the case by what the investigator types, to merge this one with it. */
export function MergeWith({
  entityKey,
  index,
  onPick,
}: {
  entityKey: string;
  index: CaseEntityIndex;
  onPick: (other: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const needle = query.replace(/[\s\-()]/g, '').toLowerCase();
    if (needle.length < 3) return [];
    return index.entities
      .filter((entity) => entity.key !== entityKey && entity.value.toLowerCase().includes(needle))
      .slice(0, 6);
  }, [query, index, entityKey]);
  return (
    <section>
      <h4 className="mt-section-title">{t('entities.decision.mergeWith')}</h4>
      <InputGroup
        small
        leftIcon="search"
        placeholder={t('entities.search')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        data-testid="merge-search"
      />
      <ul className="mt-link-list mt-gap">
        {matches.map((entity) => (
          <li key={entity.key}>
            <EntityLabel kind={entity.kind} value={entity.value} />{' '}
            <Button
              small
              variant="minimal"
              icon="merge-links"
              onClick={() => onPick(entity.key)}
              data-testid="merge-pick"
            >
              {t('entities.decision.merge')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
