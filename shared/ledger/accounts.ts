/**
 * A statement's preamble names its account, card and phone together: they are one place. The
 * row's own-account column joins in too, when the sheet has a single account (a statement of
 * several cards keeps them apart).
 */
import { entityKey } from '../identifiers/resolve';
import type { Places } from './places';
import { accountKey, type SourceRows } from './row-parties';
import type { RowEvidence } from './types';

export function joinStatementAccounts(src: SourceRows, places: Places): void {
  const { source } = src;
  const sha256 = source.source.sha256;
  for (const account of source.accounts) {
    const keys = [src.statementKey(account), accountKey(account.card), accountKey(account.phone)].filter(
      (k, i, all): k is string => k !== null && all.indexOf(k) === i,
    );
    const evidence = (key: string): RowEvidence => {
      const m = source.mentions.find(
        (x) => x.sheet === account.sheet && x.role === 'preamble' && entityKey(x.kind, x.value) === key,
      );
      return { sha256, sheet: account.sheet, row: m?.row ?? account.row };
    };
    const [first, ...rest] = keys;
    if (first === undefined) continue;
    places.add(first);
    for (const key of rest) {
      places.join(
        key.startsWith('phone:') ? 'phone-binding' : 'same-account',
        first,
        key,
        [evidence(first), evidence(key)],
        `the statement ${source.source.name} names ${first.slice(first.indexOf(':') + 1)} and ${key.slice(key.indexOf(':') + 1)} as its own`,
      );
    }
    // Rows of a single-account sheet that write the account differently (a card on some rows).
    // Raw texts first (cheap), parsed once: a statement writes its account the same way each row.
    const written = new Set<string>();
    for (const tx of source.transactions) {
      if (tx.sheet !== account.sheet || !tx.ownAccount) continue;
      written.add(tx.ownAccount);
      if (written.size > 1) break;
    }
    const own = new Set([...written].map(accountKey).filter((k): k is string => k !== null));
    const [only] = own;
    if (own.size === 1 && only !== undefined && !keys.includes(only)) {
      places.join(
        'same-account',
        first,
        only,
        [evidence(first)],
        `${source.source.name}: the only own account on sheet ${account.sheet}`,
      );
    }
  }
}
