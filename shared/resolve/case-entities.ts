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
 */
export function indexCaseEntities(mentions: readonly SourcedMention[], seenWithLimit = 25): CaseEntityIndex {
  const resolution = resolveEntities(
    mentions.map((mention) => ({ kind: mention.kind, value: mention.value, ref: mention })),
  );
  const rowKeys = new Map<string, Set<string>>();
  for (const mention of mentions) {
    const row = `${mention.sha256}\u0000${mention.sheet}\u0000${mention.row}`;
    let set = rowKeys.get(row);
    if (!set) rowKeys.set(row, (set = new Set()));
    set.add(entityKey(mention.kind, mention.value));
  }

  const counts = Object.fromEntries(
    (['card', 'card_masked', 'iban', 'phone', 'tron', 'btc', 'eth', 'iin', 'bin'] as const).map((kind) => [
      kind,
      0,
    ]),
  ) as Record<IdentifierKind, number>;
  const byKey = new Map<string, CaseEntity>();
  const entities = resolution.entities.map((entity: Entity<SourcedMention>) => {
    counts[entity.kind] += 1;
    const key = entityKey(entity.kind, entity.value);
    const together = new Map<string, number>();
    const rowsSeen = new Set<string>();
    for (const mention of entity.refs) {
      const row = `${mention.sha256}\u0000${mention.sheet}\u0000${mention.row}`;
      if (rowsSeen.has(row)) continue;
      rowsSeen.add(row);
      for (const other of rowKeys.get(row) ?? [])
        if (other !== key) together.set(other, (together.get(other) ?? 0) + 1);
    }
    const caseEntity: CaseEntity = {
      key,
      kind: entity.kind,
      value: entity.value,
      mentions: entity.refs,
      files: new Set(entity.refs.map((mention) => mention.sha256)).size,
      seenWith: [...together]
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, seenWithLimit)
        .map(([other, rows]) => ({ key: other, rows })),
    };
    if (entity.resolution) caseEntity.resolution = entity.resolution;
    if (entity.maskedAliases) caseEntity.maskedAliases = entity.maskedAliases;
    byKey.set(key, caseEntity);
    return caseEntity;
  });
  return { entities, byKey, counts };
}
