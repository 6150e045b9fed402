import type { IdentifierMention } from '../../shared/model/statement';
import { mentionAt } from '../../shared/store/mention-block';
import type { CaseStore } from './schema';

export interface CaseMention extends IdentifierMention {
  sha256: string;
}

/** Every identifier mention in a case, with the file it came from, in import order. */
export async function caseMentions(db: CaseStore, caseId: string): Promise<CaseMention[]> {
  const out: CaseMention[] = [];
  await db.mentionBlocks
    .where('caseId')
    .equals(caseId)
    .each((record) => {
      for (let i = 0; i < record.data.count; i++)
        out.push({ ...mentionAt(record.data, i), sha256: record.sha256 });
    });
  return out;
}
