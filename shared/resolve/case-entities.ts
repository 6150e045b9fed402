import { entityKey, resolveEntities, type Entity, type MaskedResolution } from '../identifiers/resolve';
import type { IdentifierKind } from '../identifiers/types';
import type { IdentifierMention } from '../model/statement';

/** A mention with the file it came from: the provenance every entity keeps. */
export interface SourcedMention extends IdentifierMention {
  sha256: string;
}

export interface CaseEntity {
  key: string;
  kind: IdentifierKind;
  value: string;
  mentions: SourcedMention[];
  /** Distinct files that mention it. */
  files: number;
  resolution?: MaskedResolution;
  maskedAliases?: string[];
  /** Entities seen on the same source row (a card and the phone it was paid by), with how often. */
  seenWith: { key: string; rows: number }[];
}

export interface CaseEntityIndex {
  entities: CaseEntity[];
  byKey: Map<string, CaseEntity>;
  counts: Record<IdentifierKind, number>;
}

/**
 * One entity per real-world identifier in the case, with every mention, masked cards resolved
 * only where the case proves it, and the other identifiers each one appears beside. Pure and
 * deterministic: the same mentions always give the same index.
 *
 * Rows and identifiers are numbered once up front: a 1M-row case has ~3M mentions, and keying
 * "which identifiers share a row" by strings (file + sheet + row, kind + value) took most of the
 * Entities tab's first load.
 */
export function indexCaseEntities(mentions: readonly SourcedMention[], seenWithLimit = 25): CaseEntityIndex {
  const resolution = resolveEntities(
    mentions.map((mention, i) => ({ kind: mention.kind, value: mention.value, ref: i })),
  );
  const { keyOf, keys } = numberIdentifiers(mentions);
  const rows = rowMembers(mentions, keyOf);

  const counts = Object.fromEntries(
    (['card', 'card_masked', 'iban', 'phone', 'tron', 'btc', 'eth', 'iin', 'bin'] as const).map((kind) => [
      kind,
      0,
    ]),
  ) as Record<IdentifierKind, number>;
  const byKey = new Map<string, CaseEntity>();
  // Reused for every entity: 100,000s of small maps and sets were most of the garbage collected.
  const together = new Map<number, number>();
  const rowsSeen = new Set<number>();
  const entities = resolution.entities.map((entity: Entity<number>) => {
    counts[entity.kind] += 1;
    const key = entityKey(entity.kind, entity.value);
    together.clear();
    rowsSeen.clear();
    for (const m of entity.refs) {
      const row = rows.rowOf[m] as number;
      if (rowsSeen.has(row)) continue;
      rowsSeen.add(row);
      for (let k = rows.start[row] as number; k < (rows.end[row] as number); k++) {
        const other = rows.members[k] as number;
        if (keys[other] !== key) together.set(other, (together.get(other) ?? 0) + 1);
      }
    }
    const refs = entity.refs.map((m) => mentions[m] as SourcedMention);
    const caseEntity: CaseEntity = {
      key,
      kind: entity.kind,
      value: entity.value,
      mentions: refs,
      files: distinctFiles(refs),
      seenWith: mostSeenWith(together, keys, seenWithLimit),
    };
    if (entity.resolution) caseEntity.resolution = entity.resolution;
    if (entity.maskedAliases) caseEntity.maskedAliases = entity.maskedAliases;
    byKey.set(key, caseEntity);
    return caseEntity;
  });
  return { entities, byKey, counts };
}

function distinctFiles(refs: readonly SourcedMention[]): number {
  const first = refs[0]?.sha256;
  if (refs.every((mention) => mention.sha256 === first)) return refs.length > 0 ? 1 : 0;
  return new Set(refs.map((mention) => mention.sha256)).size;
}

/**
 * The `limit` identifiers seen on the most rows, ties by key. The statement's own account is seen
 * with every counterparty (100,000s of them): only those at or above the limit-th count are sorted.
 */
function mostSeenWith(
  together: Map<number, number>,
  keys: readonly string[],
  limit: number,
): { key: string; rows: number }[] {
  let floor = 0;
  if (together.size > limit) {
    const counts = [...together.values()].sort((a, b) => b - a);
    floor = counts[limit - 1] as number;
  }
  const kept: { key: string; rows: number }[] = [];
  for (const [other, rows] of together) if (rows >= floor) kept.push({ key: keys[other] as string, rows });
  return kept.sort((a, b) => b.rows - a.rows || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, limit);
}

/** Each mention's identifier (kind + value as written) as a number, and the keys by number. */
function numberIdentifiers(mentions: readonly SourcedMention[]): { keyOf: Int32Array; keys: string[] } {
  const keyOf = new Int32Array(mentions.length);
  const keys: string[] = [];
  const byKind = new Map<string, Map<string, number>>();
  mentions.forEach((mention, i) => {
    let values = byKind.get(mention.kind);
    if (!values) byKind.set(mention.kind, (values = new Map()));
    let id = values.get(mention.value);
    if (id === undefined) {
      id = keys.length;
      keys.push(entityKey(mention.kind, mention.value));
      values.set(mention.value, id);
    }
    keyOf[i] = id;
  });
  return { keyOf, keys };
}

/**
 * The distinct identifiers of each source row (file, sheet, row), rows numbered densely:
 * `members[start[r]..end[r])` for row r, and each mention's row in `rowOf`.
 */
function rowMembers(
  mentions: readonly SourcedMention[],
  keyOf: Int32Array,
): { rowOf: Int32Array; start: Int32Array; end: Int32Array; members: Int32Array } {
  const rowOf = new Int32Array(mentions.length);
  const sheets = new Map<string, Map<string, Map<number, number>>>();
  let rowCount = 0;
  mentions.forEach((mention, i) => {
    let bySheet = sheets.get(mention.sha256);
    if (!bySheet) sheets.set(mention.sha256, (bySheet = new Map()));
    let byRow = bySheet.get(mention.sheet);
    if (!byRow) bySheet.set(mention.sheet, (byRow = new Map()));
    let row = byRow.get(mention.row);
    if (row === undefined) byRow.set(mention.row, (row = rowCount++));
    rowOf[i] = row;
  });
  const start = new Int32Array(rowCount + 1);
  for (let i = 0; i < mentions.length; i++) {
    const next = (rowOf[i] as number) + 1;
    start[next] = (start[next] as number) + 1;
  }
  for (let r = 0; r < rowCount; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
  const end = start.slice(0, rowCount);
  const members = new Int32Array(mentions.length);
  // A row naming the same identifier twice (a card in two columns) holds it once, as a Set did.
  for (let i = 0; i < mentions.length; i++) {
    const r = rowOf[i] as number;
    const id = keyOf[i] as number;
    let seen = false;
    for (let k = start[r] as number; k < (end[r] as number) && !seen; k++) seen = members[k] === id;
    if (seen) continue;
    members[end[r] as number] = id;
    end[r] = (end[r] as number) + 1;
  }
  return { rowOf, start, end, members };
}
