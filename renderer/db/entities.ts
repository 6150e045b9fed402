import type { IdentifierMention } from '../../shared/model/statement';
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
      for (const mention of record.mentions) out.push({ ...mention, sha256: record.sha256 });
    });
  return out;
}
