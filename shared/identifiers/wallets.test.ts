import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { prng, randomInt } from './test-support';
import { parseBtc, parseEth, parseTron, toChecksumAddress } from './wallets';

const b58c = createBase58check(sha256);

describe('TRON', () => {
  it('accepts the USDT TRC20 contract address', () => {
    const r = parseTron('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    expect(r).toMatchObject({ ok: true, kind: 'tron', value: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' });
    expect(r.ok && r.details.payloadHex.startsWith('41')).toBe(true);
  });

  it('accepts a synthetic address with version byte 0x41', () => {
    const addr = b58c.encode(new Uint8Array([0x41, ...new Array<number>(20).fill(7)]));
    expect(parseTron(addr).ok).toBe(true);
  });

  it.each([
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u', 'checksum'],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6', 'length'],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj0t', 'charset'],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'format'],
    ['', 'empty'],
  ])('rejects %j (%s)', (raw, reason) => {
    expect(parseTron(raw)).toMatchObject({ ok: false, reason });
  });

  it('rejects a valid base58check string with the wrong version byte', () => {
    const addr = b58c.encode(new Uint8Array([0x42, ...new Array<number>(20).fill(7)]));
    expect(parseTron(addr)).toMatchObject({ ok: false, reason: 'version' });
  });
});

describe('Bitcoin', () => {
  it.each([
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'p2pkh', 'mainnet'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'p2sh', 'mainnet'],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'p2wpkh', 'mainnet'],
  ])('accepts %s', (addr, type, network) => {
    expect(parseBtc(addr)).toMatchObject({ ok: true, kind: 'btc', details: { type, network } });
  });

  it.each([
    // BIP-350 valid segwit addresses (v0 keeps bech32, v1+ uses bech32m)
    'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
    'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
    'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
    'BC1SW50QGDZ25J',
    'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
    'tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy',
    'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
  ])('BIP-350 valid: %s', (addr) => {
    const r = parseBtc(addr);
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    expect(r.ok && r.value).toBe(addr.toLowerCase());
  });

  it.each([
    // BIP-350 invalid vectors
    ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', 'invalid human-readable part'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'v1 with bech32 checksum'],
    ['tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf', 'v2 with bech32 checksum'],
    ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', 'v16 with bech32 checksum'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'v0 with bech32m checksum'],
    ['tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47', 'v0 with bech32m checksum'],
    ['bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', 'invalid character'],
    ['BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', 'witness version 17'],
    ['bc1pw5dgrnzv', 'program length 1'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav', 'program length 41'],
    ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', 'v0 program length 16'],
    ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', 'mixed case'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', 'zero padding of more than 4 bits'],
    ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j', 'non-zero padding'],
    ['bc1gmk9yu', 'empty data section'],
    // BIP-173 invalid vectors
    ['tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty', 'invalid human-readable part'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'invalid checksum'],
    ['bc1rw5uspcuh', 'invalid program length'],
    [
      'bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90',
      'invalid program length',
    ],
    ['bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', 'zero padding of more than 4 bits'],
    ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv', 'non-zero padding'],
  ])('invalid: %s (%s)', (addr) => {
    expect(parseBtc(addr).ok).toBe(false);
  });

  it('gives precise reasons', () => {
    expect(parseBtc('tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq')).toMatchObject({
      reason: 'mixed_case',
    });
    expect(parseBtc('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toMatchObject({ reason: 'checksum' });
    expect(parseBtc('BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P')).toMatchObject({ reason: 'length' });
    expect(parseBtc('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toMatchObject({ reason: 'checksum' });
    expect(parseBtc('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0')).toMatchObject({ reason: 'charset' });
    expect(parseBtc('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toMatchObject({ reason: 'format' });
    expect(parseBtc('')).toMatchObject({ reason: 'empty' });
  });

  it('rejects a TRON payload presented as a Bitcoin base58 address (wrong version)', () => {
    const addr = b58c.encode(new Uint8Array([0x30, ...new Array<number>(20).fill(1)]));
    expect(parseBtc('1' + addr.slice(1)).ok).toBe(false);
  });
});

describe('Ethereum (EIP-55)', () => {
  const vectors = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];

  it.each(vectors)('accepts the EIP-55 example %s', (addr) => {
    expect(parseEth(addr)).toMatchObject({ ok: true, value: addr, details: { checksumVerified: true } });
    expect(toChecksumAddress(addr.toLowerCase())).toBe(addr);
  });

  it.each(vectors)('all-lower and all-upper forms of %s normalize to the checksummed form', (addr) => {
    expect(parseEth(addr.toLowerCase())).toMatchObject({
      ok: true,
      value: addr,
      details: { checksumVerified: false },
    });
    expect(parseEth('0x' + addr.slice(2).toUpperCase())).toMatchObject({ ok: true, value: addr });
  });

  it('rejects a mixed-case address with one letter in the wrong case', () => {
    const bad = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD';
    expect(parseEth(bad)).toMatchObject({ ok: false, kind: 'eth', reason: 'checksum' });
  });

  it.each([
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA', 'length'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg', 'charset'],
    ['5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'format'],
    ['', 'empty'],
  ])('rejects %j (%s)', (raw, reason) => {
    expect(parseEth(raw)).toMatchObject({ ok: false, reason });
  });
});

describe('base58check without exceptions', () => {
  // wallets.ts compares the checksum itself (a thrown Error per look-alike was the cost of free
  // text); it must agree with @scure/base's coder on every string, valid or not.
  const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  const scureAccepts = (s: string): boolean => {
    try {
      b58c.decode(s);
      return true;
    } catch {
      return false;
    }
  };

  it('agrees with createBase58check on valid, corrupted and random strings', () => {
    const rand = prng(58);
    const samples: string[] = ['1', '11', '1111', '11111', 'z', '2222'];
    for (let i = 0; i < 300; i++) {
      const version = [0x00, 0x05, 0x41, 0x6f, 0x42][randomInt(rand, 0, 4)] ?? 0;
      // Mostly the 21-byte payloads of real addresses, sometimes other lengths.
      const length = rand() < 0.7 ? 20 : randomInt(rand, 0, 24);
      const body = Array.from({ length }, () => randomInt(rand, 0, 255));
      const valid = b58c.encode(new Uint8Array([version, ...body]));
      const at = randomInt(rand, 0, valid.length - 1);
      const corrupted = valid.slice(0, at) + ALPHABET.charAt(randomInt(rand, 0, 57)) + valid.slice(at + 1);
      const random = Array.from({ length: rand() < 0.5 ? 33 : randomInt(rand, 1, 40) }, () =>
        ALPHABET.charAt(randomInt(rand, 0, 57)),
      ).join('');
      samples.push(valid, corrupted, random, `T${random}`, `1${random}`);
    }
    let compared = 0;
    for (const s of samples) {
      // Both parsers report 'checksum' exactly when the checksum coder rejects the string.
      const tron = parseTron(s);
      const btc = parseBtc(s);
      const checksumOk = scureAccepts(s);
      if (s.startsWith('T') && s.length === 34) {
        expect(tron.ok || tron.reason !== 'checksum').toBe(checksumOk);
        compared++;
      }
      if (/^[13mn2]/.test(s) && s.length >= 26 && s.length <= 35) {
        expect(btc.ok || btc.reason !== 'checksum').toBe(checksumOk);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
