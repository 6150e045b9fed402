/**
 * Crypto wallet addresses seen in drug-money cases: TRON (USDT TRC20), Bitcoin and Ethereum/EVM.
 * All decoding and hashing is delegated to @scure/base and @noble/hashes (audited); this module
 * only decides which checks apply, compares checksum bytes and turns failures into reasons.
 */
import { base58, bech32, bech32m } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { invalid, type Parsed } from './types';

const BASE58_CHARS = /^[1-9A-HJ-NP-Za-km-z]+$/;
const CHECKSUM_BYTES = 4;

export type Network = 'mainnet' | 'testnet' | 'regtest';

export type TronResult = Parsed<'tron', { payloadHex: string }>;

export type BtcAddressType = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'witness_unknown';
export interface BtcDetails {
  network: Network;
  type: BtcAddressType;
  encoding: 'base58' | 'bech32' | 'bech32m';
  witnessVersion: number | null;
}
export type BtcResult = Parsed<'btc', BtcDetails>;

export interface EthDetails {
  /** The input was mixed case, so its EIP-55 checksum was verified (and passed). */
  checksumVerified: boolean;
}
export type EthResult = Parsed<'eth', EthDetails>;

/**
 * Decodes base58check; distinguishes alphabet errors from checksum errors for clearer reasons.
 * The 4-byte checksum is compared here, by the same rule as @scure/base's `createBase58check`
 * (the last 4 bytes are the start of sha256(sha256(payload))), because that coder reports a
 * mismatch by throwing: free text is full of address look-alikes, and building an Error for each
 * cost more than decoding it.
 */
function decodeBase58check(
  s: string,
): { ok: true; payload: Uint8Array } | { ok: false; reason: 'charset' | 'checksum' } {
  if (!BASE58_CHARS.test(s)) return { ok: false, reason: 'charset' };
  let data: Uint8Array;
  try {
    data = base58.decode(s);
  } catch {
    // The alphabet was already checked, so decoding fails only on absurd lengths: no checksum to match.
    return { ok: false, reason: 'checksum' };
  }
  if (data.length < CHECKSUM_BYTES) return { ok: false, reason: 'checksum' };
  const payload = data.slice(0, -CHECKSUM_BYTES);
  const sum = sha256(sha256(payload));
  const at = data.length - CHECKSUM_BYTES;
  for (let i = 0; i < CHECKSUM_BYTES; i++) {
    if (sum[i] !== data[at + i]) return { ok: false, reason: 'checksum' };
  }
  return { ok: true, payload };
}

export function parseTron(raw: string): TronResult {
  const s = raw.trim();
  if (s.length === 0) return invalid('tron', raw, 'empty', 'TRON address is empty');
  if (!s.startsWith('T')) return invalid('tron', raw, 'format', 'A TRON address starts with T');
  if (s.length !== 34) return invalid('tron', raw, 'length', 'A TRON address has 34 characters');
  const d = decodeBase58check(s);
  if (!d.ok) {
    return d.reason === 'charset'
      ? invalid('tron', raw, 'charset', 'TRON address contains characters outside base58 (0, O, I, l)')
      : invalid('tron', raw, 'checksum', 'TRON address checksum does not match');
  }
  if (d.payload.length !== 21) return invalid('tron', raw, 'length', 'TRON address payload must be 21 bytes');
  if (d.payload[0] !== 0x41) return invalid('tron', raw, 'version', 'TRON address version byte must be 0x41');
  return { ok: true, kind: 'tron', value: s, raw, details: { payloadHex: bytesToHex(d.payload) } };
}

const BASE58_VERSIONS: Record<number, { network: Network; type: BtcAddressType }> = {
  0x00: { network: 'mainnet', type: 'p2pkh' },
  0x05: { network: 'mainnet', type: 'p2sh' },
  0x6f: { network: 'testnet', type: 'p2pkh' },
  0xc4: { network: 'testnet', type: 'p2sh' },
};

const HRP_NETWORK: Record<string, Network> = { bc: 'mainnet', tb: 'testnet', bcrt: 'regtest' };

function parseBtcBase58(raw: string, s: string): BtcResult {
  if (s.length < 26 || s.length > 35)
    return invalid('btc', raw, 'length', 'A base58 Bitcoin address has 26–35 characters');
  const d = decodeBase58check(s);
  if (!d.ok) {
    return d.reason === 'charset'
      ? invalid('btc', raw, 'charset', 'Bitcoin address contains characters outside base58')
      : invalid('btc', raw, 'checksum', 'Bitcoin address checksum does not match');
  }
  if (d.payload.length !== 21)
    return invalid('btc', raw, 'length', 'Bitcoin address payload must be 21 bytes');
  const version = BASE58_VERSIONS[d.payload[0] ?? -1];
  if (!version) return invalid('btc', raw, 'version', 'Unknown Bitcoin address version byte');
  return {
    ok: true,
    kind: 'btc',
    value: s,
    raw,
    details: { ...version, encoding: 'base58', witnessVersion: null },
  };
}

/** BIP-173 (witness v0, bech32) and BIP-350 (v1+, bech32m) segwit addresses. */
function parseBtcSegwit(raw: string, s: string): BtcResult {
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) {
    return invalid('btc', raw, 'mixed_case', 'A bech32 address must be all lower or all upper case');
  }
  const lower = s.toLowerCase();
  if (lower.length > 90) return invalid('btc', raw, 'length', 'A bech32 address has at most 90 characters');
  let decoded: { prefix: string; words: number[] } | undefined;
  let encoding: 'bech32' | 'bech32m' = 'bech32';
  try {
    decoded = bech32.decode(lower as `${string}1${string}`, 90);
  } catch {
    try {
      decoded = bech32m.decode(lower as `${string}1${string}`, 90);
      encoding = 'bech32m';
    } catch {
      return invalid(
        'btc',
        raw,
        'checksum',
        'bech32/bech32m checksum does not match (or invalid characters)',
      );
    }
  }
  const network = HRP_NETWORK[decoded.prefix];
  if (!network) return invalid('btc', raw, 'format', `Unknown segwit prefix "${decoded.prefix}"`);
  const [version, ...data] = decoded.words;
  if (version === undefined) return invalid('btc', raw, 'length', 'Segwit address has no witness version');
  if (version > 16) return invalid('btc', raw, 'version', 'Witness version must be 0–16');
  // BIP-350: v0 keeps the original bech32 checksum, every later version must use bech32m.
  if ((version === 0) !== (encoding === 'bech32')) {
    return invalid(
      'btc',
      raw,
      'checksum',
      `Witness v${version} requires ${version === 0 ? 'bech32' : 'bech32m'}`,
    );
  }
  const program = bech32.fromWordsUnsafe(data);
  if (!program) return invalid('btc', raw, 'format', 'Segwit program has invalid padding');
  if (program.length < 2 || program.length > 40) {
    return invalid('btc', raw, 'length', 'Segwit program must be 2–40 bytes');
  }
  if (version === 0 && program.length !== 20 && program.length !== 32) {
    return invalid('btc', raw, 'length', 'Witness v0 program must be 20 or 32 bytes');
  }
  const type: BtcAddressType =
    version === 0
      ? program.length === 20
        ? 'p2wpkh'
        : 'p2wsh'
      : version === 1 && program.length === 32
        ? 'p2tr'
        : 'witness_unknown';
  return {
    ok: true,
    kind: 'btc',
    value: lower,
    raw,
    details: { network, type, encoding, witnessVersion: version },
  };
}

export function parseBtc(raw: string): BtcResult {
  const s = raw.trim();
  if (s.length === 0) return invalid('btc', raw, 'empty', 'Bitcoin address is empty');
  if (/^(bc|tb|bcrt)1/i.test(s)) return parseBtcSegwit(raw, s);
  if (/^[13mn2]/.test(s)) return parseBtcBase58(raw, s);
  return invalid('btc', raw, 'format', 'A Bitcoin address starts with 1, 3 or bc1');
}

/** EIP-55 mixed-case checksum encoding of a 40-hex-digit address (without validation). */
export function toChecksumAddress(hex40: string): string {
  const lower = hex40.toLowerCase().replace(/^0x/, '');
  const hash = keccak_256(utf8ToBytes(lower));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charAt(i);
    // The i-th hex digit of the hash, read from its bytes (high nibble first); none past its end.
    const byte = hash[i >> 1];
    const nibble = byte === undefined ? 0 : i % 2 === 0 ? byte >> 4 : byte & 15;
    out += nibble >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

export function parseEth(raw: string): EthResult {
  const s = raw.trim();
  if (s.length === 0) return invalid('eth', raw, 'empty', 'Ethereum address is empty');
  if (!/^0[xX]/.test(s)) return invalid('eth', raw, 'format', 'An Ethereum address starts with 0x');
  const hex = s.slice(2);
  if (!/^[0-9a-fA-F]*$/.test(hex))
    return invalid('eth', raw, 'charset', 'Ethereum address must be hexadecimal');
  if (hex.length !== 40) return invalid('eth', raw, 'length', 'An Ethereum address has 40 hex digits');
  const checksummed = toChecksumAddress(hex);
  // All-lower and all-upper carry no checksum (EIP-55 is opt-in); mixed case must match exactly.
  const mixed = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (mixed && `0x${hex}` !== checksummed) {
    return invalid('eth', raw, 'checksum', 'EIP-55 mixed-case checksum does not match (likely a typo)');
  }
  return { ok: true, kind: 'eth', value: checksummed, raw, details: { checksumVerified: mixed } };
}
