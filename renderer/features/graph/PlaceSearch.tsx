import { InputGroup, MenuItem } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlaceLabel } from '../trace/PlaceLabel';
import type { SearchResult } from './graph-protocol';

/**
 * What the investigator typed and the places it found. Kept by the Graph tab rather than the box:
 * the start screen and the toolbar show the same search.
 */
export function usePlaceSearch(find: (text: string) => Promise<SearchResult[]>) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchResult[]>([]);
  const search = (value: string) => {
    setQuery(value);
    if (value.trim().length < 3) return setHits([]);
    void find(value).then((found) => setHits(found));
  };
  const clear = () => {
    setHits([]);
    setQuery('');
  };
  return { query, hits, search, clear };
}

/** The search box for a place of the case and the places it found, each one click from the graph. */
export function PlaceSearch({
  query,
  hits,
  onSearch,
  onPick,
}: {
  query: string;
  hits: SearchResult[];
  onSearch: (text: string) => void;
  onPick: (hit: SearchResult) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="mt-graph-search">
      <InputGroup
        leftIcon="search"
        placeholder={t('graph.search')}
        value={query}
        onChange={(event) => onSearch(event.currentTarget.value)}
        data-testid="graph-search"
      />
      {hits.length > 0 ? (
        <div className="mt-graph-hits" data-testid="graph-hits">
          {hits.map((hit) => (
            <MenuItem
              key={hit.node}
              text={<PlaceLabel kind={hit.kind} value={hit.value} holder={hit.holder} />}
              onClick={() => onPick(hit)}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
