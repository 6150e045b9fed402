/**
 * Seeded generators of VALID identifiers (and deliberate near-misses) for the demo case and the
 * benchmarks. Every value is built to pass the same checks shared/identifiers applies — Luhn,
 * mod 97, the IIN check digit, base58check, EIP-55 — because a planted card that the app rejects
 * would make the demo trail silently break.
 */
import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { iinCheckDigit, luhnValid, toChecksumAddress } from '../identifiers';
import { mulberry32 } from '../random/mulberry32';

export type Random = () => number;

const base58check = createBase58check(sha256);

export const rng = mulberry32;

export function int(random: Random, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function digits(random: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(random() * 10));
  return s;
}

function luhnDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(payload + String(d))) return String(d);
  throw new Error('unreachable: one Luhn digit always fits');
}

/** A 16-digit PAN under `bin` that passes Luhn. */
export function card(random: Random, bin: string): string {
  const payload = bin + digits(random, 15 - bin.length);
  return payload + luhnDigit(payload);
}

/** A 16-digit number that FAILS Luhn: what order ids and references look like. */
export function notCard(random: Random, prefix = ''): string {
  const payload = prefix + String(int(random, 1, 9)) + digits(random, 14 - prefix.length);
  const good = Number(luhnDigit(payload));
  return payload + String((good + int(random, 1, 9)) % 10);
}

/** `4400 43** **** 1234`, as Kaspi prints a card it does not want to show in full. */
export function maskCard(pan: string): string {
  return `${pan.slice(0, 4)} ${pan.slice(4, 6)}** **** ${pan.slice(-4)}`;
}

/** `440043******1234`, the compact mask of account columns. */
export function maskCardCompact(pan: string): string {
  return `${pan.slice(0, 6)}******${pan.slice(-4)}`;
}

export function groupCard(pan: string): string {
  return pan.replace(/(\d{4})(?=\d)/g, '$1 ');
}

function mod97(numeric: string): number {
  let rest = 0;
  for (let i = 0; i < numeric.length; i += 7) rest = Number(String(rest) + numeric.slice(i, i + 7)) % 97;
  return rest;
}

function ibanNumeric(text: string): string {
  return [...text].map((ch) => (/\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55))).join('');
}

/** KZ IBAN: KZ + check digits + 3-digit bank code + 13 characters (here `KZT` + 10 digits, as banks issue). */
export function kzIban(random: Random, bankCode: string): string {
  const bban = `${bankCode}KZT${digits(random, 10)}`;
  const check = 98 - mod97(ibanNumeric(`${bban}KZ00`));
  return `KZ${String(check).padStart(2, '0')}${bban}`;
}

/** The same IBAN with its check digits changed: a typo the app must refuse. */
export function breakIban(valid: string): string {
  const check = Number(valid.slice(2, 4));
  return `KZ${String(check === 97 ? 2 : check + 1).padStart(2, '0')}${valid.slice(4)}`;
}

/** Individual IIN: birth date, century/sex digit, 4 serial digits, check digit. */
export function iin(random: Random, year = int(random, 1965, 2004), female = random() < 0.5): string {
  for (;;) {
    const mm = String(int(random, 1, 12)).padStart(2, '0');
    const dd = String(int(random, 1, 28)).padStart(2, '0');
    const century = year >= 2000 ? (female ? '6' : '5') : female ? '4' : '3';
    const first11 = `${String(year % 100).padStart(2, '0')}${mm}${dd}${century}${digits(random, 4)}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + String(check);
  }
}

/** A well-formed 12-digit IIN with a wrong check digit. */
export function badIin(random: Random): string {
  const good = iin(random);
  return good.slice(0, 11) + String((Number(good.slice(11)) + int(random, 1, 9)) % 10);
}

const KZ_MOBILE = ['701', '702', '705', '707', '747', '771', '775', '777', '778'];

/** KZ mobile in E.164 (`+77011234567`). */
export function phone(random: Random): string {
  return `+7${pick(random, KZ_MOBILE)}${String(int(random, 1, 9))}${digits(random, 6)}`;
}

/** `+7 701 123 45 67`, the way Kaspi prints a phone in a transfer description. */
export function formatPhone(e164: string): string {
  const n = e164.slice(2);
  return `+7 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8, 10)}`;
}

function bytes(random: Random, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** TRON base58check address: version byte 0x41 + 20 bytes. */
export function tronAddress(random: Random): string {
  const payload = new Uint8Array(21);
  payload[0] = 0x41;
  payload.set(bytes(random, 20), 1);
  return base58check.encode(payload);
}

/** A TRON-shaped string whose checksum fails (one character changed). */
export function badTron(random: Random): string {
  const good = tronAddress(random);
  const i = int(random, 5, 30);
  const ch = good.charAt(i) === 'A' ? 'B' : 'A';
  return good.slice(0, i) + ch + good.slice(i + 1);
}

/** Bitcoin P2PKH (version 0x00). */
export function btcAddress(random: Random): string {
  const payload = new Uint8Array(21);
  payload.set(bytes(random, 20), 1);
  return base58check.encode(payload);
}

/** Ethereum address with a valid EIP-55 mixed-case checksum. */
export function ethAddress(random: Random): string {
  let hex = '';
  for (const b of bytes(random, 20)) hex += b.toString(16).padStart(2, '0');
  return toChecksumAddress(hex);
}

/** Lowercase hex of `n` random bytes (transaction hashes). */
export function hex(random: Random, n: number): string {
  let out = '';
  for (const b of bytes(random, n)) out += b.toString(16).padStart(2, '0');
  return out;
}
