import { describe, expect, it } from 'vitest';
import { USDT_CHAINS, usdtChainsFor, usdtNetworkFromLabel } from './usdt';
import { parseEth, parseTron } from './wallets';

describe('USDT networks', () => {
  it.each([
    ['TRC20', 'TRC20'],
    ['trc-20', 'TRC20'],
    ['TRX', 'TRC20'],
    ['USDT TRC20', 'TRC20'],
    ['ERC20', 'ERC20'],
    ['ERC-20', 'ERC20'],
    ['BEP20', 'BEP20'],
    ['USDT (BEP-20)', 'BEP20'],
    ['BSC', 'BEP20'],
    ['Polygon', 'POLYGON'],
    ['SOL', 'SOL'],
    ['TON', 'TON'],
    ['Omni', 'OMNI'],
  ])('label %j → %s', (label, network) => {
    expect(usdtNetworkFromLabel(label)).toBe(network);
    expect(usdtChainsFor(label).map((c) => c.network)).toEqual([network]);
  });

  it('a TRON address can only carry TRC20 USDT', () => {
    expect(usdtChainsFor('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t').map((c) => c.network)).toEqual(['TRC20']);
  });

  it('an EVM address cannot tell chains apart: every EVM network, ERC20 first', () => {
    const nets = usdtChainsFor('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed').map((c) => c.network);
    expect(nets[0]).toBe('ERC20');
    expect(nets).toContain('BEP20');
    expect(nets).not.toContain('TRC20');
  });

  it('a Bitcoin address maps to legacy Omni USDT; garbage maps to nothing', () => {
    expect(usdtChainsFor('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa').map((c) => c.network)).toEqual(['OMNI']);
    expect(usdtChainsFor('hello')).toEqual([]);
  });

  it('the published USDT contracts are themselves valid addresses', () => {
    expect(parseTron(USDT_CHAINS.TRC20.contract ?? '').ok).toBe(true);
    expect(parseEth(USDT_CHAINS.ERC20.contract ?? '')).toMatchObject({
      ok: true,
      details: { checksumVerified: true },
    });
    expect(parseEth(USDT_CHAINS.BEP20.contract ?? '')).toMatchObject({
      ok: true,
      details: { checksumVerified: true },
    });
  });
});
