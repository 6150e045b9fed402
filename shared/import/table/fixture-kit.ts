/**
 * Building blocks for the seeded statement fixtures: a PRNG, Kazakh names/IINs/IBANs, and the
 * text forms banks print. Everything is deterministic for a seed.
 */
import type { Cell, Direction, MergedRange } from './cell';
import type { TableTransaction, TotalsRow } from './rows';
import { wallClockToUtc } from './zone';
import { mulberry32 } from '../../random/mulberry32';

/** A transaction as the test expects it back (the raw cell texts are not compared). */
export type ExpectedTransaction = Omit<TableTransaction, 'raw'>;

export interface FixtureSheet {
  name: string;
  rows: Cell[][];
  merges?: MergedRange[];
  /** The reading context a caller would pass (wallet of a chain export, zone). */
  context?: { ownAccount?: string; zone?: string };
  expected: ExpectedTransaction[];
  expectedTotals?: TotalsRow[];
}

export interface Fixture {
  /** `<bank>-<layout>.valid`. */
  name: string;
  sheets: FixtureSheet[];
}

export const rng = mulberry32;

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const SURNAMES = [
  'Нурланов',
  'Сейткали',
  'Ахметов',
  'Жумабаев',
  'Касымов',
  'Оспанов',
  'Тулеуов',
  'Бекмуратов',
  'Абдрахманов',
  'Сарсенбаев',
];
const FIRST = [
  'Ерлан',
  'Айгерим',
  'Данияр',
  'Асель',
  'Нурсултан',
  'Жанар',
  'Бауыржан',
  'Динара',
  'Арман',
  'Гульнара',
];
const PATRONYMIC = ['Маратович', 'Болатовна', 'Серикович', 'Ержановна', 'Кайратович', 'Бахытовна'];
const COMPANIES = [
  'ТОО "Асыл Тас"',
  'ТОО "Дала Трейд"',
  'ИП "Жандос"',
  'ТОО "KazLogistic"',
  'АО "Шыңғыс Ойл"',
  'ТОО "Алтын Кілт"',
];
export const BANKS = [
  ['HSBKKZKX', 'АО "Народный Банк Казахстана"'],
  ['CASPKZKA', 'АО "Kaspi Bank"'],
  ['KSNVKZKA', 'АО "Freedom Bank Kazakhstan"'],
  ['KCJBKZKX', 'АО "Банк ЦентрКредит"'],
  ['IRTYKZKA', 'АО "ForteBank"'],
] as const;
const PURPOSES = [
  'Перевод собственных средств',
  'Оплата по договору поставки №15 от 12.01.2024',
  'Возврат займа',
  'Перевод с карты на карту',
  'Оплата за услуги',
  'Материальная помощь',
];
const KNPS = ['119', '342', '710', '421', '890'];

export interface Party {
  name: string;
  id: string;
  account: string;
  bank: string;
}

export function person(random: () => number): string {
  const female = random() < 0.4;
  const surname = pick(random, SURNAMES) + (female ? 'а' : '');
  return `${surname} ${pick(random, FIRST)} ${pick(random, PATRONYMIC)}`;
}

/** 12-digit IIN: yymmdd + century/sex digit + 5 digits (no checksum: fixtures, not validators). */
export function iin(random: () => number): string {
  const yy = String(60 + Math.floor(random() * 40)).padStart(2, '0');
  const mm = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const dd = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return `${yy}${mm}${dd}${3 + Math.floor(random() * 2)}${String(Math.floor(random() * 100000)).padStart(5, '0')}`;
}

/** KZ IBAN shape: KZ + 2 check digits + 3-digit bank code + 13 characters. */
export function iban(random: () => number, bankCode = '125'): string {
  const check = String(10 + Math.floor(random() * 89));
  let rest = 'KZT';
  while (rest.length < 13) rest += String(Math.floor(random() * 10));
  return `KZ${check}${bankCode}${rest}`;
}

export function party(random: () => number, company = random() < 0.3): Party {
  const [, bank] = pick(random, BANKS);
  return {
    name: company ? pick(random, COMPANIES) : person(random),
    id: iin(random),
    account: iban(random, pick(random, ['125', '722', '551', '826'])),
    bank,
  };
}

export function purpose(random: () => number): string {
  return pick(random, PURPOSES);
}

export function knp(random: () => number): string {
  return pick(random, KNPS);
}

/** Amount in tiyn between 1 000 and 2 000 000 tenge, sometimes with tiyn. */
export function amountMinor(random: () => number): number {
  const tenge = 1000 + Math.floor(random() * 1_999_000);
  return tenge * 100 + (random() < 0.3 ? Math.floor(random() * 100) : 0);
}

export interface Wall {
  /** The local date-time written as if it were UTC. */
  wall: number;
  hasTime: boolean;
}

/** Successive local times from a start date, 3–30 hours apart. */
export function times(random: () => number, start: number, count: number, withTime = true): Wall[] {
  const result: Wall[] = [];
  let t = start;
  for (let i = 0; i < count; i++) {
    t += (3 + Math.floor(random() * 27)) * 3_600_000 + Math.floor(random() * 3600) * 1000;
    result.push({ wall: withTime ? t : t - (t % 86_400_000), hasTime: withTime });
  }
  return result;
}

export function bookedAt(wall: number, zone = 'Asia/Almaty'): number {
  return wallClockToUtc(wall, zone);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `dd.mm.yyyy`, `dd.mm.yyyy HH:MM:SS`, `yyyy.mm.dd HH:MM:SS`, … from wall-clock ms. */
export function formatWall(
  wall: number,
  pattern: 'dmy' | 'dmy hms' | 'dmy hm' | 'ymd. hms' | 'ymd- hms' | 'dmy/',
): string {
  const d = new Date(wall);
  const dmy = `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  switch (pattern) {
    case 'dmy':
      return dmy;
    case 'dmy/':
      return dmy.replace(/\./g, '/');
    case 'dmy hms':
      return `${dmy} ${hms}`;
    case 'dmy hm':
      return `${dmy} ${hms.slice(0, 5)}`;
    case 'ymd. hms':
      return `${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())} ${hms}`;
    case 'ymd- hms':
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${hms}`;
  }
}

/** Excel 1900-system serial of a wall-clock time (what SheetJS gives for a date cell). */
export function excelSerial(wall: number): number {
  return wall / 86_400_000 + 25569;
}

/** `1 234 567,89` with no-break spaces, as Kazakh banks print tenge. */
export function formatRu(minor: number, { sign = false, nbsp = true } = {}): string {
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100).toString();
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, nbsp ? '\u00a0' : ' ');
  const text = `${grouped},${String(abs % 100).padStart(2, '0')}`;
  return minor < 0 || (sign && minor < 0) ? `-${text}` : text;
}

/** Minor units as a JS number with the given fraction digits (what a numeric cell holds). */
export function toNumber(minor: number, digits = 2): number {
  return minor / 10 ** digits;
}

export function counterpartyOf(p: Party): ExpectedTransaction['counterparty'] {
  return { name: p.name, idNumber: p.id, account: p.account, bank: p.bank };
}

export type { Direction };
