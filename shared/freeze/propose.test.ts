import { describe, expect, it } from 'vitest';
import { assetKindOf, proposalsFromTrace } from './propose';
import { requestFixture, traceJsonFixture } from './test-support';

const origin = { from: ['8 702 945 68 70'], direction: 'down' as const, method: 'pro-rata' };
let ids = 0;
const options = (
  existing = [requestFixture({ id: 'old', key: 'card:0000', status: 'frozen' as const })],
) => ({
  top: 10,
  legalBasis: 'ст. 161 УПК РК',
  existing,
  actor: 'Ахметов',
  at: 1_764_000_000_000,
  newId: () => `new-${++ids}`,
});

describe('proposalsFromTrace', () => {
  it('turns freezable candidates into proposed requests in the asset’s own currency, with the rows that brought the money in', () => {
    const { proposed, skipped } = proposalsFromTrace(traceJsonFixture(), origin, options());
    expect(proposed.map((p) => [p.kind, p.identifier, p.amountMinor, p.currency, p.institutionKind])).toEqual(
      [
        ['card', '4400430396052679', 1_250_000_00, 'KZT', 'bank'],
        ['wallet', 'TXyzExampleWallet', 5_900_000_000, 'USDT', 'issuer'],
      ],
    );
    const [card, wallet] = proposed;
    expect(card!.evidence.map((e) => e.row)).toEqual([7, 9]);
    expect(wallet!.evidence.map((e) => e.row)).toEqual([11]);
    expect(card).toMatchObject({
      holder: 'Иванов И.',
      holderId: '900101300123',
      status: 'proposed',
      amountReason: '',
    });
    expect(card!.origin).toEqual({ ...origin, seedCurrency: 'KZT' });
    expect(card!.history).toEqual([
      expect.objectContaining({ status: 'proposed', actor: 'Ахметов', at: 1_764_000_000_000 }),
    ]);
    expect(skipped).toEqual([
      { key: 'btc:bc1qexample', reason: 'no-institution' },
      { key: 'name:Кто-то', reason: 'not-an-asset' },
    ]);
  });

  it('does not propose a place already in the register and still in play, but does after a refusal', () => {
    const standing = requestFixture({ status: 'request-sent' });
    const again = proposalsFromTrace(traceJsonFixture(), origin, options([standing]));
    expect(again.proposed.map((p) => p.key)).toEqual(['tron:TXyzExampleWallet']);
    expect(again.skipped[0]).toEqual({ key: 'card:4400430396052679', reason: 'already-registered' });

    const refused = requestFixture({ status: 'refused' });
    expect(proposalsFromTrace(traceJsonFixture(), origin, options([refused])).proposed).toHaveLength(2);
  });

  it('takes only the top N candidates', () => {
    const { proposed } = proposalsFromTrace(traceJsonFixture(), origin, { ...options(), top: 1 });
    expect(proposed).toHaveLength(1);
  });

  it('names asset kinds from place keys', () => {
    expect(
      [
        'card_masked:440043******1234',
        'iban:KZ1',
        'account:123',
        'eth:0xab',
        'exchange:Binance',
        'phone:+7701',
        'cash:ATM',
      ].map(assetKindOf),
    ).toEqual(['card', 'account', 'account', 'wallet', 'exchange-account', 'phone', null]);
  });
});
