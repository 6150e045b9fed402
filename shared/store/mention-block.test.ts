import { describe, expect, it } from 'vitest';
import type { IdentifierMention } from '../model/statement';
import { decodeMentionBlock, encodeMentionBlock } from './mention-block';

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
