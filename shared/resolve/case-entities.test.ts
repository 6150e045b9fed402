import { describe, expect, it } from 'vitest';
import { indexCaseEntities, type SourcedMention } from './case-entities';

const m = (kind: SourcedMention['kind'], value: string, sha256: string, row: number): SourcedMention => ({
  kind,
  value,
  sha256,
  sheet: 'S',
  row,
  role: 'counterparty',
});

describe('indexCaseEntities', () => {
  const mentions = [
    m('card', '4400430012345678', 'a', 10),
    m('phone', '+77011234567', 'a', 10),
    m('card', '4400430012345678', 'b', 3),
    m('card_masked', '440043******5678', 'b', 4),
    m('phone', '+77011234567', 'b', 3),
    m('iin', '880101300123', 'b', 3),
  ];
  const index = indexCaseEntities(mentions);

  it('makes one entity per identifier with all its mentions and files', () => {
    const card = index.byKey.get('card:4400430012345678');
    expect(card?.mentions).toHaveLength(2);
    expect(card?.files).toBe(2);
    expect(index.counts).toMatchObject({ card: 1, card_masked: 1, phone: 1, iin: 1 });
  });

  it('resolves a masked card only to the one full card that fits', () => {
    expect(index.byKey.get('card_masked:440043******5678')?.resolution).toEqual({
      status: 'resolved',
      card: '4400430012345678',
    });
    expect(index.byKey.get('card:4400430012345678')?.maskedAliases).toEqual(['440043******5678']);
  });

  it('links identifiers seen on the same row, counting rows', () => {
    expect(index.byKey.get('card:4400430012345678')?.seenWith).toEqual([
      { key: 'phone:+77011234567', rows: 2 },
      { key: 'iin:880101300123', rows: 1 },
    ]);
  });

  it('counts a row once however often it names a neighbour, and keeps the most seen, ties by key', () => {
    const rows = [
      m('iban', 'KZ1', 'a', 1),
      m('phone', '+77010000001', 'a', 1),
      m('phone', '+77010000001', 'a', 1),
      ...[2, 3, 4].flatMap((row) => [m('iban', 'KZ1', 'a', row), m('phone', '+77010000003', 'a', row)]),
      ...[5, 6].flatMap((row) => [m('iban', 'KZ1', 'a', row), m('phone', '+77010000002', 'a', row)]),
      // Same row number in another sheet and in another file: different rows.
      { ...m('iban', 'KZ1', 'a', 1), sheet: 'T' },
      { ...m('phone', '+77010000002', 'a', 1), sheet: 'T' },
      m('iban', 'KZ1', 'b', 1),
      m('phone', '+77010000001', 'b', 1),
    ];
    const iban = indexCaseEntities(rows, 2).byKey.get('iban:KZ1');
    expect(iban?.seenWith).toEqual([
      { key: 'phone:+77010000002', rows: 3 },
      { key: 'phone:+77010000003', rows: 3 },
    ]);
    expect(indexCaseEntities(rows).byKey.get('iban:KZ1')?.seenWith).toContainEqual({
      key: 'phone:+77010000001',
      rows: 2,
    });
  });

  it('is deterministic', () => {
    expect(indexCaseEntities([...mentions].reverse()).entities.map((e) => e.key)).toEqual(
      index.entities.map((e) => e.key),
    );
  });
});
