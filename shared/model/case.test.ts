import { describe, expect, it } from 'vitest';
import { checkNewCase, normalizeNewCase } from './case';

describe('new case input', () => {
  it('requires a title and accepts an empty ERDR number', () => {
    expect(checkNewCase({ title: '  ', registryNumber: '', investigator: '' })).toEqual([
      { field: 'title', reason: 'required' },
    ]);
    expect(checkNewCase({ title: 'Снежок', registryNumber: '', investigator: '' })).toEqual([]);
  });

  it('accepts a 15-digit ERDR number written with spaces and refuses other lengths', () => {
    expect(checkNewCase({ title: 'a', registryNumber: '261 7500 310 00123', investigator: '' })).toEqual([]);
    expect(checkNewCase({ title: 'a', registryNumber: '12345', investigator: '' })).toEqual([
      { field: 'registryNumber', reason: 'format' },
    ]);
  });

  it('normalizes whitespace', () => {
    expect(
      normalizeNewCase({
        title: ' Магазин  «Снежок» ',
        registryNumber: '261 750031000123',
        investigator: ' Ахметов ',
      }),
    ).toEqual({
      title: 'Магазин «Снежок»',
      registryNumber: '261750031000123',
      investigator: 'Ахметов',
    });
  });
});
