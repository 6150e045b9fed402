import { IDENTIFIER_KINDS, type IdentifierKind } from '../identifiers/types';
import type { IdentifierMention, MentionRole } from '../model/statement';
import { StringTable } from './string-table';

/**
 * Identifier mentions stored as columns, like transactions: a file of a million rows mentions a
 * few million identifiers, and one object per mention made saving and reading them the slowest
 * part of an import. Values repeat (the same card on many rows), so they are dictionary-encoded.
 */
export interface MentionBlock {
  count: number;
  kind: Uint8Array;
  role: Uint8Array;
  row: Uint32Array;
  /** Index into `labels` (sheet names). */
  sheet: Uint32Array;
  /** Index into `labels` (column letters), or NONE. */
  column: Uint32Array;
  /** Index into `values`. */
  value: Uint32Array;
  values: string[];
  labels: string[];
}

const ROLES: readonly MentionRole[] = ['own', 'counterparty', 'description', 'preamble'];
const NONE = 0xffffffff;

export function encodeMentionBlock(mentions: readonly IdentifierMention[]): MentionBlock {
  const count = mentions.length;
  const values = new StringTable();
  const labels = new StringTable();
  const block: MentionBlock = {
    count,
    kind: new Uint8Array(count),
    role: new Uint8Array(count),
    row: new Uint32Array(count),
    sheet: new Uint32Array(count),
    column: new Uint32Array(count),
    value: new Uint32Array(count),
    values: values.strings,
    labels: labels.strings,
  };
  for (let i = 0; i < count; i++) {
    const m = mentions[i] as IdentifierMention;
    block.kind[i] = IDENTIFIER_KINDS.indexOf(m.kind);
    block.role[i] = ROLES.indexOf(m.role);
    block.row[i] = m.row;
    block.sheet[i] = labels.of(m.sheet);
    block.column[i] = m.column === undefined ? NONE : labels.of(m.column);
    block.value[i] = values.of(m.value);
  }
  return block;
}

export function mentionAt(block: MentionBlock, i: number): IdentifierMention {
  const mention: IdentifierMention = {
    sheet: block.labels[block.sheet[i] as number] as string,
    row: block.row[i] as number,
    kind: IDENTIFIER_KINDS[block.kind[i] as number] as IdentifierKind,
    value: block.values[block.value[i] as number] as string,
    role: ROLES[block.role[i] as number] as MentionRole,
  };
  const column = block.column[i] as number;
  if (column !== NONE) mention.column = block.labels[column] as string;
  return mention;
}

export function decodeMentionBlock(block: MentionBlock): IdentifierMention[] {
  const out = new Array<IdentifierMention>(block.count);
  for (let i = 0; i < block.count; i++) out[i] = mentionAt(block, i);
  return out;
}

/**
 * distinctIdentifierCount over a file's mention blocks: a block lists each of its values once, so
 * only each block's distinct (kind, value) pairs reach the per-kind sets, as strings whose hashes
 * the block's dictionary already computed (the mention objects' count was ~1 s at 2.75M).
 */
export function distinctIdentifiersInBlocks(blocks: readonly MentionBlock[]): number {
  const kinds = IDENTIFIER_KINDS.length;
  const byKind = IDENTIFIER_KINDS.map(() => new Set<string>());
  for (const block of blocks) {
    const seen = new Uint8Array(block.values.length * kinds);
    for (let i = 0; i < block.count; i++) {
      const kind = block.kind[i] as number;
      const value = block.value[i] as number;
      const pair = value * kinds + kind;
      if (seen[pair] === 1) continue;
      seen[pair] = 1;
      (byKind[kind] as Set<string>).add(block.values[value] as string);
    }
  }
  return byKind.reduce((sum, values) => sum + values.size, 0);
}
