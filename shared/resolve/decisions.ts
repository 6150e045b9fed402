import type { MaskedResolution } from '../identifiers/resolve';

/**
 * The investigator's own calls on identity, which outrank the automatic resolution: "these are
 * the same card/person" (merge) and "these are not the same" (split). Decisions name entities by
 * their keys (`card:4400…`, `iin:8801…`), which do not change when files are re-imported, so a
 * decision made once keeps applying to every later import.
 */
export interface EntityDecision {
  id: string;
  action: 'merge' | 'split';
  /** Two or more entity keys (split: exactly two). */
  keys: string[];
  reason: string;
  actor: string;
  at: number;
}

export interface DecidedIdentity {
  /** Entity key → the key of its group's representative (smallest key), for merged entities only. */
  groupOf: Map<string, string>;
  /** Representative → all members, sorted. */
  members: Map<string, string[]>;
  /** Masked-card resolutions as the investigator decided them, overriding the automatic ones. */
  resolutions: Map<string, MaskedResolution>;
  /** Pairs the investigator declared different (`a\u0000b`, sorted), so nothing links them. */
  apart: Set<string>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Replays decisions in time order: for every pair of entities the latest decision wins, so a
 * mistaken merge is undone by a split and vice versa, and the log keeps both.
 */
export function applyEntityDecisions(
  decisions: readonly EntityDecision[],
  automatic: ReadonlyMap<string, MaskedResolution>,
): DecidedIdentity {
  const latest = new Map<string, 'merge' | 'split'>();
  const ordered = [...decisions].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const decision of ordered) {
    const keys = [...new Set(decision.keys)];
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++)
        latest.set(pairKey(keys[i] as string, keys[j] as string), decision.action);
    }
  }

  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(key, root);
    return root;
  };
  const apart = new Set<string>();
  for (const [pair, action] of latest) {
    const [a, b] = pair.split('\u0000') as [string, string];
    if (action === 'split') {
      apart.add(pair);
      continue;
    }
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) {
      if (ra < rb) parent.set(rb, ra);
      else parent.set(ra, rb);
    }
  }
  const groupOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const key of parent.keys()) {
    const root = find(key);
    groupOf.set(key, root);
    const list = members.get(root) ?? [];
    list.push(key);
    members.set(root, list);
  }
  for (const list of members.values()) list.sort();

  const resolutions = new Map<string, MaskedResolution>();
  for (const [masked, resolution] of automatic) {
    const maskedKey = masked;
    const mergedCards = (members.get(groupOf.get(maskedKey) ?? '') ?? []).filter((key) =>
      key.startsWith('card:'),
    );
    if (mergedCards.length === 1) {
      resolutions.set(maskedKey, { status: 'resolved', card: (mergedCards[0] as string).slice(5) });
      continue;
    }
    const allowed = (card: string) => !apart.has(pairKey(maskedKey, `card:${card}`));
    if (resolution.status === 'resolved' && !allowed(resolution.card)) {
      resolutions.set(maskedKey, { status: 'unresolved' });
    } else if (resolution.status === 'ambiguous') {
      const left = resolution.candidates.filter(allowed);
      if (left.length !== resolution.candidates.length) {
        resolutions.set(
          maskedKey,
          left.length === 1
            ? { status: 'resolved', card: left[0] as string }
            : left.length === 0
              ? { status: 'unresolved' }
              : { status: 'ambiguous', candidates: left },
        );
      }
    }
  }
  return { groupOf, members, resolutions, apart };
}
