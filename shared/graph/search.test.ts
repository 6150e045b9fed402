import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from './build-index';
import { searchNodes } from './search';
import { ledgerOf, T0 } from './test-ledger';

const ledger = ledgerOf(
  [
    {
      key: 'card:4400430396052679',
      holder: 'Иванов Пётр Сергеевич',
      identifiers: ['card:4400430396052679', 'phone:+77011234567'],
    },
    { key: 'phone:+77017654321', holder: 'Petrov Ivan' },
    { key: 'tron:TAo1a7ee3w7GN6mXp2D9BbTPXKkaZ32qEG', kind: 'wallet' },
    { key: 'iban:KZ86125KZT5004100100', holder: 'ТОО Ромашка' },
    { key: 'card:4400430312345678' },
  ],
  // Node 4 is the busiest, so it ranks first among equal matches.
  [
    { from: 4, to: 1, at: T0, amountMinor: 100 },
    { from: 4, to: 3, at: T0 + 1, amountMinor: 100 },
    { from: 0, to: 1, at: T0 + 2, amountMinor: 100 },
  ],
);
const index = buildGraphIndex(ledger);
const first = (q: string) => searchNodes(index, q)[0];

describe('searchNodes', () => {
  it('finds a card typed with spaces', () => {
    expect(first('4400 4303 9605 2679')).toMatchObject({ node: 0, rank: 0, how: 'identifier' });
  });

  it('finds a phone dialled the Kazakh way', () => {
    expect(first('87011234567')).toMatchObject({ node: 0, rank: 0, matched: 'phone:+77011234567' });
    expect(first('8 (701) 765-43-21')).toMatchObject({ node: 1, rank: 0 });
    expect(first('+7 701 765 43 21')).toMatchObject({ node: 1, rank: 0 });
  });

  it('finds an IBAN with spaces and in lower case', () => {
    expect(first('kz86 125k zt50 0410 0100')).toMatchObject({ node: 3, rank: 0 });
  });

  it('finds part of a wallet address, whatever the case', () => {
    expect(first('kaZ32q')).toMatchObject({ node: 2, rank: 2, how: 'contains' });
    expect(first('TAo1a7')).toMatchObject({ node: 2, rank: 1, how: 'prefix' });
  });

  it('finds a holder by part of the name, with ё read as е', () => {
    expect(first('петр')).toMatchObject({ node: 0, how: 'name', matched: 'Иванов Пётр Сергеевич' });
    expect(first('ромаш')).toMatchObject({ node: 3, rank: 1 });
    expect(first('petrov ivan')).toMatchObject({ node: 1, rank: 0 });
  });

  it('matches a masked card against the full cards of the case', () => {
    expect(searchNodes(index, '440043******2679')).toEqual([
      { node: 0, rank: 3, how: 'mask', matched: 'card:4400430396052679' },
    ]);
  });

  it('ranks the identifier itself before partial matches, busier nodes first', () => {
    expect(searchNodes(index, '4400 4303').map((h) => [h.node, h.rank])).toEqual([
      [4, 1],
      [0, 1],
    ]);
    expect(searchNodes(index, '4400430312345678').map((h) => h.node)).toEqual([4]);
    expect(searchNodes(index, '9605').map((h) => h.node)).toEqual([0]);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(searchNodes(index, '  ')).toEqual([]);
    expect(searchNodes(index, '4400', { limit: 1 })).toHaveLength(1);
  });
});
