import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { indexCaseEntities } from '../../../shared/resolve/case-entities';
import { indexCaseHolders } from '../../../shared/resolve/holders';
import { caseStore, sources } from '../../db';
import { caseMentions } from '../../db/entities';

/** The case's entities, recomputed whenever a source is added. */
export function useCaseEntities(caseId: string) {
  const data = useLiveQuery(async () => {
    const [mentions, list] = await Promise.all([
      caseMentions(caseStore, caseId),
      sources.listSources(caseId),
    ]);
    return { mentions, list, fileNames: new Map(list.map((source) => [source.sha256, source.name])) };
  }, [caseId]);
  const index = useMemo(() => (data ? indexCaseEntities(data.mentions) : undefined), [data]);
  const holders = useMemo(() => (data ? indexCaseHolders(data.list) : undefined), [data]);
  return data && index && holders ? { index, holders, fileNames: data.fileNames } : undefined;
}
