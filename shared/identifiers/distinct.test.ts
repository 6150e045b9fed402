import { describe, expect, it } from 'vitest';
import { distinctIdentifierCount } from './distinct';

describe('distinctIdentifierCount', () => {
  it('counts each kind and value once, the same value under two kinds twice', () => {
    expect(distinctIdentifierCount([])).toBe(0);
    expect(
      distinctIdentifierCount([
        { kind: 'card', value: '4400430212345678' },
        { kind: 'card', value: '4400430212345678' },
        { kind: 'iin', value: '900101300015' },
        { kind: 'bin', value: '900101300015' },
        { kind: 'phone', value: '+77011234567' },
      ]),
    ).toBe(4);
  });
});
