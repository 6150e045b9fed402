import type { IdentifierMention } from '../../shared/model/statement';
import { mentionAt } from '../../shared/store/mention-block';
import { caseKeysOf } from './case-keys';
import type { CaseStore } from './schema';
import { openMentionBlock, openSourceSummary } from './sealed';

export interface CaseMention extends IdentifierMention {
  sha256: string;
}

/** Every identifier mention in a case, with the file it came from, in import order. */
export async function caseMentions(db: CaseStore, caseId: string): Promise<CaseMention[]> {
  const keys = await caseKeysOf(db, caseId);
  const [sourceRecords, records] = await Promise.all([
    db.sources.where('caseId').equals(caseId).toArray(),
    db.mentionBlocks.where('caseId').equals(caseId).toArray(),
  ]);
  const [sources, blocks] = await Promise.all([
    Promise.all(sourceRecords.map((record) => openSourceSummary(keys, record))),
    Promise.all(
      records.map(async (record) => ({ block: record.block, ...(await openMentionBlock(keys, record)) })),
    ),
  ]);
  // Stored order follows the key, which in an encrypted case is a keyed hash: sort explicitly.
  const rank = new Map(
    sources.sort((a, b) => a.importedAt - b.importedAt).map((source, i) => [source.sha256, i]),
  );
  blocks.sort(
    (a, b) => (rank.get(a.sha256) ?? Infinity) - (rank.get(b.sha256) ?? Infinity) || a.block - b.block,
  );
  const out: CaseMention[] = [];
  for (const { sha256, data } of blocks) {
    // Straight onto the mention: a copy per mention was millions of short-lived objects at 1M rows.
    for (let i = 0; i < data.count; i++) {
      const mention = mentionAt(data, i) as CaseMention;
      mention.sha256 = sha256;
      out.push(mention);
    }
  }
  return out;
}
