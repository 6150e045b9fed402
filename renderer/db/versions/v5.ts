import type { Transaction } from 'dexie';
import type { IdentifierMention } from '../../../shared/model/statement';
import { encodeMentionBlock } from '../../../shared/store/mention-block';
import { storesV4 } from './v4';

/**
 * v5 (mentions as columns): the same tables and indexes as v4, but each mention block record
 * holds `data` (columns) instead of `mentions` (one object per mention). The upgrade rewrites
 * every existing block in place, inside Dexie's upgrade transaction: it completes or not at all.
 */
export const storesV5 = storesV4;

export async function upgradeToV5(tx: Transaction): Promise<void> {
  await tx
    .table('mentionBlocks')
    .toCollection()
    .modify((record: { mentions?: IdentifierMention[]; data?: unknown }) => {
      if (!record.mentions) return;
      record.data = encodeMentionBlock(record.mentions);
      delete record.mentions;
    });
}
