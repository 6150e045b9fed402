import { describe, expect, it } from 'vitest';
import { IdentityCache, matchIdentity, namesMatch, nameTokens, sameAccount } from './identity';
import { CARD_A, CARD_B, tx } from './test-support';

const cache = new IdentityCache();

describe('namesMatch', () => {
  it('accepts initials and word order, requires one full word in common', () => {
    expect(namesMatch(nameTokens('Иванов Иван Иванович'), nameTokens('Иван И.'))).toBe('match');
    expect(namesMatch(nameTokens('IVANOV IVAN'), nameTokens('ivan ivanov'))).toBe('match');
    expect(namesMatch(nameTokens('Иванов Иван'), nameTokens('И.'))).toBe('differ');
    expect(namesMatch(nameTokens('Иванов Иван'), nameTokens('Петров Пётр'))).toBe('differ');
    expect(namesMatch(nameTokens('Семёнов Алексей'), nameTokens('СЕМЕНОВ А'))).toBe('match');
  });

  it('does not compare across scripts', () => {
    expect(namesMatch(nameTokens('IVANOV IVAN'), nameTokens('Иванов Иван'))).toBe('incomparable');
  });
});

describe('matchIdentity', () => {
  const owner = cache.owner(
    [{ sheet: 'Sheet1', row: 1, card: CARD_A, phone: '+7 701 123 45 67' }],
    tx({ bookedAt: 0 }),
  );

  it('matches full numbers, phones written differently and masks', () => {
    expect(matchIdentity(cache.counterparty({ card: CARD_A.replace(/(\d{4})/g, '$1 ') }), owner).level).toBe(
      'id',
    );
    expect(matchIdentity(cache.counterparty({ phone: '87011234567' }), owner).level).toBe('id');
    expect(matchIdentity(cache.counterparty({ card: `*${CARD_A.slice(-4)}` }), owner).level).toBe('masked');
    expect(
      matchIdentity(cache.counterparty({ account: `${CARD_A.slice(0, 6)}ХХХХХХ${CARD_A.slice(-4)}` }), owner)
        .level,
    ).toBe('masked');
  });

  it('reports a contradiction only when nothing matched', () => {
    expect(matchIdentity(cache.counterparty({ card: CARD_B }), owner).level).toBe('conflict');
    expect(matchIdentity(cache.counterparty({ card: CARD_B, phone: '+77011234567' }), owner).level).toBe(
      'id',
    );
    expect(matchIdentity(cache.counterparty({ name: 'Кто-то' }), owner).level).toBe('none');
  });

  it('uses the account facts of the row’s own table on a multi-account sheet', () => {
    const accounts = [
      { sheet: 'S', row: 3, card: CARD_A },
      { sheet: 'S', row: 50, card: CARD_B },
    ];
    const lower = cache.owner(accounts, tx({ sheet: 'S', row: 60, bookedAt: 0 }));
    const upper = cache.owner(accounts, tx({ sheet: 'S', row: 10, bookedAt: 0 }));
    expect(lower.accounts).toEqual([`card:${CARD_B}`]);
    expect(upper.accounts).toEqual([`card:${CARD_A}`]);
    expect(sameAccount(lower, upper)).toBe('different');
  });
});
