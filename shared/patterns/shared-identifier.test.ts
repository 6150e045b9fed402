import { describe, expect, it } from 'vitest';
import type { Ledger } from '../ledger/types';
import { detectPatterns } from './index';
import { LedgerBuilder } from './test-support';

const shared = (ledger: Ledger, thresholds = {}, nodes?: number[]) =>
  detectPatterns(ledger, thresholds, { kinds: ['shared-identifier'], ...(nodes ? { nodes } : {}) });

const PHONE = 'phone:+77011234567';

describe('shared identifier', () => {
  it('finds one phone bound to the cards of two different people, with the binding rows', () => {
    const b = new LedgerBuilder();
    const kaspi = b.card({ holder: 'Aidos K.', institution: 'Kaspi Bank' });
    const halyk = b.card({ holder: 'Marat S.', institution: 'Halyk Bank' });
    b.card(); // unrelated
    b.link('phone-binding', PHONE, b.key(kaspi), 7).link('phone-binding', b.key(halyk), PHONE, 9);
    const [finding, ...rest] = shared(b.build());
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'shared-identifier',
      code: 'shared-identifier.phone',
      nodes: [kaspi, halyk],
      params: { identifier: PHONE, accounts: 2, holders: 2, banks: 2, evidenceTotal: 2 },
      evidence: [
        { sha256: 'links', sheet: 'Sheet1', row: 7 },
        { sha256: 'links', sheet: 'Sheet1', row: 9 },
      ],
      thresholds: { sharedPhoneMinAccounts: 2 },
    });
    expect(finding?.detail).toBe(
      'Phone +7 701 123 45 67 is bound to 2 accounts of 2 different holders: ' +
        '4400 0000 0000 0001 (Aidos K.), Kaspi Bank; 4400 0000 0000 0002 (Marat S.), Halyk Bank',
    );
  });

  it('reads bindings from the nodes’ identifiers as well', () => {
    const b = new LedgerBuilder();
    const [one, two] = [b.card(), b.card()];
    b.identify(one, PHONE).identify(two, PHONE);
    expect(shared(b.build())[0]?.nodes).toEqual([one, two]);
  });

  it('is nothing when the phone reaches one account, or only itself', () => {
    const b = new LedgerBuilder();
    const card = b.card();
    b.node('account', PHONE); // a counterparty known only by this phone
    b.link('phone-binding', PHONE, b.key(card), 2);
    expect(shared(b.build())).toEqual([]);
  });

  it('finds an IIN holding many accounts, from holder links and statement holders', () => {
    const b = new LedgerBuilder();
    const iin = '900101300123';
    const a = b.card({ holderId: iin, institution: 'Kaspi Bank' });
    const c = b.card({ holderId: iin, institution: 'Halyk Bank' });
    const d = b.card({ institution: 'Jusan Bank' });
    b.link('holder', b.key(d), `iin:${iin}`, 4);
    const ledger = b.build();
    const [finding] = shared(ledger);
    expect(finding).toMatchObject({
      code: 'shared-identifier.holder',
      nodes: [a, c, d],
      params: { identifier: `iin:${iin}`, accounts: 3, banks: 3 },
      thresholds: { sharedHolderMinAccounts: 3 },
    });
    expect(finding?.detail).toMatch(/^IIN\/BIN 900101 300123 holds 3 accounts in 3 banks: /);
    expect(shared(ledger, { sharedHolderMinAccounts: 4 })).toEqual([]);
  });

  it('reports two accounts of one IIN only when told to', () => {
    const b = new LedgerBuilder();
    b.card({ holderId: '900101300123' });
    b.card({ holderId: '900101300123' });
    expect(shared(b.build())).toEqual([]);
    expect(shared(b.build(), { sharedHolderMinAccounts: 2 })).toHaveLength(1);
  });

  it('keeps a finding when any of its accounts is in the restricted set, listing that one first', () => {
    const b = new LedgerBuilder();
    const [one, two, other] = [b.card(), b.card(), b.card()];
    b.identify(one, PHONE).identify(two, PHONE);
    const ledger = b.build();
    expect(shared(ledger, {}, [two])[0]?.nodes).toEqual([two, one]);
    expect(shared(ledger, {}, [other])).toEqual([]);
  });
});
