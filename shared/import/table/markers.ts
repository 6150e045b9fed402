/**
 * Rows that are not transactions but say something: totals (`Итого`, `Всего`, `Барлығы`,
 * `Total`), balances (`Входящий остаток`/`Кіріс қалдық`, `Исходящий остаток`/`Шығыс қалдық`)
 * and section markers (`Входящие платежи`, `1. Исходящие платежи`, a sheet named
 * `Исходящие операции` or `Снятие наличных по счету`) that set the direction of what follows.
 */
import type { Direction } from './cell';
import { normalizeCaption } from './text';

const TOTAL_WORDS = [
  'итого',
  'всего',
  'барлығы',
  'барлыгы',
  'жиыны',
  'total',
  'totals',
  'обороты',
  'оборот за период',
];
const OPENING = [
  'входящий остаток',
  'кіріс қалдық',
  'кіріс қалдығы',
  'начальный баланс',
  'начальный остаток',
  'остаток на начало',
  'баланс на начало',
  'входящее сальдо',
  'opening balance',
];
const CLOSING = [
  'исходящий остаток',
  'шығыс қалдық',
  'шығыс қалдығы',
  'конечный баланс',
  'конечный остаток',
  'остаток на конец',
  'баланс на конец',
  'исходящее сальдо',
  'closing balance',
];
const SECTION_IN = [
  'входящие',
  'входящий платеж',
  'входящие платежи',
  'поступления',
  'кіріс',
  'incoming',
  'кредит',
];
const SECTION_OUT = [
  'исходящие',
  'исходящий платеж',
  'исходящие платежи',
  'снятие наличных',
  'списания',
  'шығыс',
  'outgoing',
  'дебет',
];
// "1. Входящие платежи", "2) Исходящие": the numbering a bank puts before a section title.
const LEADING_NUMBER = /^\d{1,2}\s+/;

/** `Итого` / `Всего по счету` / `Барлығы:` at the start of a caption. */
export function isTotalsLabel(text: string): boolean {
  const n = normalizeCaption(text);
  if (n === '') return false;
  for (const word of TOTAL_WORDS) if (n === word || n.startsWith(`${word} `)) return true;
  return false;
}

export function balanceLabel(text: string): 'opening' | 'closing' | null {
  const n = normalizeCaption(text);
  if (n === '') return null;
  for (const label of OPENING) if (n.startsWith(label)) return 'opening';
  for (const label of CLOSING) if (n.startsWith(label)) return 'closing';
  return null;
}

/**
 * The direction a section title or a sheet name sets, or null. Balances (`Входящий остаток`)
 * are not sections.
 */
export function sectionDirection(text: string): Direction | null {
  const n = normalizeCaption(text).replace(LEADING_NUMBER, '');
  if (n === '' || n.length > 80 || balanceLabel(n) !== null) return null;
  if (n.includes('остаток') || n.includes('қалдық') || n.includes('сальдо')) return null;
  for (const word of SECTION_IN) if (n === word || n.startsWith(`${word} `)) return 'in';
  for (const word of SECTION_OUT) if (n === word || n.startsWith(`${word} `)) return 'out';
  return null;
}
