import { useLiveQuery } from 'dexie-react-hooks';
import { isCryptoError } from '../../db/case-keys';

/**
 * useLiveQuery for a case's data. A query that runs just as the case locks (the idle time ran out
 * while the laptop slept, and this query is the first to notice) answers "not loaded" instead of
 * throwing into React: the workspace is switching to the unlock screen in the same moment.
 */
export function useCaseQuery<T>(querier: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(async () => {
    try {
      return await querier();
    } catch (error) {
      if (isCryptoError(error, 'locked')) return undefined;
      throw error;
    }
  }, deps);
}
