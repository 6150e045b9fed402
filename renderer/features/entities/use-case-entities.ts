import { useMemo } from 'react';
import { indexCaseEntities } from '../../../shared/resolve/case-entities';
import { indexCaseHolders } from '../../../shared/resolve/holders';
import { applyEntityDecisions } from '../../../shared/resolve/decisions';
import type { MaskedResolution } from '../../../shared/identifiers/resolve';
import { caseStore, decisions, sources } from '../../db';
import { caseMentions } from '../../db/entities';
import { useCaseQuery } from '../lock/use-case-query';

/** The case's entities, recomputed whenever a source is added; the investigator's decisions applied on top. */
export function useCaseEntities(caseId: string) {
  const data = useCaseQuery(async () => {
    const [mentions, list] = await Promise.all([
      caseMentions(caseStore, caseId),
      sources.listSources(caseId),
    ]);
    return { mentions, list, fileNames: new Map(list.map((source) => [source.sha256, source.name])) };
  }, [caseId]);
  // Decisions change often and cheaply; kept apart so a merge does not re-read every mention.
  const decided = useCaseQuery(() => decisions.list(caseId), [caseId]);
  const index = useMemo(() => (data ? indexCaseEntities(data.mentions) : undefined), [data]);
  const holders = useMemo(() => (data ? indexCaseHolders(data.list) : undefined), [data]);
  const identity = useMemo(() => {
    if (!decided || !index) return undefined;
    const automatic = new Map<string, MaskedResolution>();
    for (const entity of index.entities) if (entity.resolution) automatic.set(entity.key, entity.resolution);
    return applyEntityDecisions(decided, automatic);
  }, [decided, index]);
  return data && index && holders && identity
    ? { index, holders, identity, fileNames: data.fileNames }
    : undefined;
}
