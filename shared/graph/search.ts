/**
 * Finding a node by what the investigator has in hand: a card as printed (`4400 4303 9605 2679`),
 * a phone as dialled (`8 701 123 45 67` → `+77011234567`), a few characters of a wallet, a
 * masked card from a receipt, or part of a holder's name. Ranked: the identifier itself, then
 * identifiers or names that start with it, then ones that contain it, then masks that fit;
 * within a rank, the busier node first.
 */
import { maskedMatches, maskedPattern, recognize } from '../identifiers';
import type { GraphIndex } from './build-index';

export type SearchMatch = 'identifier' | 'name' | 'prefix' | 'contains' | 'mask';

export interface SearchHit {
  node: number;
  /** 0 is best: 0 identifier or exact name, 1 prefix, 2 contains, 3 mask. */
  rank: number;
  how: SearchMatch;
  /** The identifier (entityKey) or holder name that matched. */
  matched: string;
}

interface SearchTable {
  /** Per node: its identifiers' values compacted and lowercased, aligned with `ledger` keys. */
  values: string[][];
  holders: string[];
  activity: Float64Array;
}

const tables = new WeakMap<GraphIndex, SearchTable>();

const compact = (s: string): string => s.replace(/[\s\u00a0\-().]/g, '').toLowerCase();
/** How a holder's name is compared: case, ё/е and spacing do not matter (holders.ts groups by it too). */
export const foldName = (s: string): string => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
const valueOf = (key: string): string => key.slice(key.indexOf(':') + 1);

function table(index: GraphIndex): SearchTable {
  const known = tables.get(index);
  if (known) return known;
  const activity = new Float64Array(index.nodeCount);
  for (let p = 0; p < index.pairCount; p++) {
    const count = (index.pStart[p + 1] as number) - (index.pStart[p] as number);
    activity[index.pFrom[p] as number] = (activity[index.pFrom[p] as number] as number) + count;
    activity[index.pTo[p] as number] = (activity[index.pTo[p] as number] as number) + count;
  }
  const made: SearchTable = {
    values: index.ledger.nodes.map((n) => n.identifiers.map((key) => compact(valueOf(key)))),
    holders: index.ledger.nodes.map((n) => foldName(n.holder ?? '')),
    activity,
  };
  tables.set(index, made);
  return made;
}

/** entityKeys the query could be, as typed and normalized; the fallback works without libraries. */
function candidateKeys(query: string): string[] {
  const keys: string[] = [];
  try {
    const r = recognize(query);
    if (r.ok) keys.push(`${r.kind}:${r.value}`);
  } catch {
    // A recognizer failure must not break search: the plain forms below still apply.
  }
  const digits = query.replace(/[\s\u00a0\-().+]/g, '');
  if (/^\d+$/.test(digits)) {
    keys.push(`card:${digits}`, `iin:${digits}`, `bin:${digits}`);
    const national = digits.length === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits;
    if (national.length === 10) keys.push(`phone:+7${national}`);
  }
  const trimmed = query.trim();
  keys.push(`iban:${trimmed.replace(/\s/g, '').toUpperCase()}`);
  for (const kind of ['tron', 'eth', 'btc', 'name', 'exchange']) keys.push(`${kind}:${trimmed}`);
  return keys;
}

export function searchNodes(index: GraphIndex, query: string, options: { limit?: number } = {}): SearchHit[] {
  const limit = options.limit ?? 50;
  const q = compact(query);
  const name = foldName(query);
  if (q.length === 0) return [];
  const hits = new Map<number, SearchHit>();
  const add = (node: number, rank: number, how: SearchMatch, matched: string): void => {
    const known = hits.get(node);
    if (!known || known.rank > rank) hits.set(node, { node, rank, how, matched });
  };

  for (const key of candidateKeys(query)) {
    const node = index.ledger.nodeByKey.get(key);
    if (node !== undefined) add(node, 0, 'identifier', key);
  }
  const t = table(index);
  const mask = /\d/.test(query) ? maskedPattern(query.trim()) : null;
  const nodes = index.ledger.nodes;
  for (let n = 0; n < nodes.length; n++) {
    const values = t.values[n] as string[];
    for (let k = 0; k < values.length; k++) {
      const v = values[k] as string;
      const key = nodes[n]?.identifiers[k] ?? '';
      if (v === q) add(n, 0, 'identifier', key);
      else if (v.startsWith(q) || (v.startsWith('+') && v.startsWith(q, 1))) add(n, 1, 'prefix', key);
      else if (q.length >= 3 && v.includes(q)) add(n, 2, 'contains', key);
      else if (mask && key.startsWith('card:') && maskedMatches(mask, v)) add(n, 3, 'mask', key);
    }
    const holder = t.holders[n] as string;
    if (holder.length === 0 || name.length === 0) continue;
    if (holder === name) add(n, 0, 'name', nodes[n]?.holder ?? '');
    else if (holder.startsWith(name) || holder.includes(` ${name}`))
      add(n, 1, 'name', nodes[n]?.holder ?? '');
    else if (name.length >= 3 && holder.includes(name)) add(n, 2, 'name', nodes[n]?.holder ?? '');
  }
  return [...hits.values()]
    .sort(
      (a, b) =>
        a.rank - b.rank || (t.activity[b.node] as number) - (t.activity[a.node] as number) || a.node - b.node,
    )
    .slice(0, limit);
}
