import { describe, expect, it } from 'vitest';
import type { IdentifierMention } from '../model/statement';
import { distinctIdentifierCount } from '../identifiers/distinct';
import { rng } from '../demo/ids';
import { decodeMentionBlock, distinctIdentifiersInBlocks, encodeMentionBlock } from './mention-block';

describe('mention blocks', () => {
  it('round-trip every field and keep an absent column absent', () => {
    const mentions: IdentifierMention[] = [
      { sheet: 'KASPI', row: 14, column: 'L', kind: 'card', value: '4400430012345678', role: 'counterparty' },
      {
        sheet: 'KASPI',
        row: 15,
        column: 'Q',
        kind: 'card_masked',
        value: '440043******5678',
        role: 'description',
      },
      { sheet: 'Выписка', row: 3, kind: 'iin', value: '880101300123', role: 'preamble' },
      { sheet: 'KASPI', row: 16, column: 'L', kind: 'card', value: '4400430012345678', role: 'own' },
      {
        sheet: 'KASPI',
        row: 17,
        kind: 'tron',
        value: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
        role: 'counterparty',
      },
    ];
    const block = encodeMentionBlock(mentions);
    expect(decodeMentionBlock(block)).toEqual(mentions);
    expect(block.values).toHaveLength(4);
    expect('column' in (decodeMentionBlock(block)[2] as object)).toBe(false);
  });
});

describe('distinctIdentifiersInBlocks', () => {
  it('counts what distinctIdentifierCount counts on the mentions, across blocks and kinds', () => {
    const random = rng(5);
    const kinds = ['card', 'card_masked', 'iban', 'phone', 'iin', 'bin'] as const;
    // The same value under two kinds is two identifiers; repeats within and across blocks count once.
    const mentions: IdentifierMention[] = Array.from({ length: 5000 }, (_, i) => ({
      sheet: i % 3 === 0 ? 'A' : 'B',
      row: i,
      kind: kinds[Math.floor(random() * kinds.length)] as IdentifierMention['kind'],
      value: String(Math.floor(random() * 700)),
      role: 'description',
    }));
    for (const size of [1, 7, 1000, 5000]) {
      const blocks = [];
      for (let at = 0; at < mentions.length; at += size)
        blocks.push(encodeMentionBlock(mentions.slice(at, at + size)));
      expect(distinctIdentifiersInBlocks(blocks), `blocks of ${size}`).toBe(
        distinctIdentifierCount(mentions),
      );
    }
    expect(distinctIdentifiersInBlocks([])).toBe(0);
  });
});
