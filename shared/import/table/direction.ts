/**
 * Operation-type texts that tell whether money came in or went out, from the account holder's
 * side: `Дебет`/`Списание`/`ИСХ`/`Шығыс` = out, `Кредит`/`Пополнение`/`ВХ`/`Кіріс` = in.
 * Whole words are compared (so «погашение кредита», a loan repayment, says nothing), plus a few
 * stems that only ever mean a direction (`исходящ…`, `поступ…`).
 */
import type { Cell, Direction, Parsed } from './cell';
import { fail, ok, show } from './cell';

const OUT_WORDS = new Set([
  'дебет',
  'дт',
  'debit',
  'dr',
  'исх',
  'out',
  'outgoing',
  'outflow',
  'шығыс',
  'шыгыс',
  'расход',
  'списание',
  'снятие',
  'withdrawal',
  'покупка',
  'оплата',
  'отправленный',
  'отправлено',
  'исходящий',
]);
const IN_WORDS = new Set([
  'кредит',
  'кт',
  'credit',
  'cr',
  'вх',
  'in',
  'incoming',
  'inflow',
  'кіріс',
  'кирис',
  'приход',
  'поступление',
  'зачисление',
  'пополнение',
  'deposit',
  'refund',
  'возврат',
  'полученный',
  'получено',
  'входящий',
]);
const OUT_STEMS = ['исходящ', 'списан', 'снятие', 'withdraw', 'отправлен'];
const IN_STEMS = ['входящ', 'поступ', 'зачисл', 'пополн', 'получен'];
const WORD = /[\p{L}]+/gu;

/** Direction of an operation-type, `Направление` or section text; null when it says nothing. */
export function directionOfText(text: string): Direction | null {
  let sawIn = false;
  let sawOut = false;
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    const word = m[0];
    if (OUT_WORDS.has(word) || OUT_STEMS.some((stem) => word.startsWith(stem))) sawOut = true;
    else if (IN_WORDS.has(word) || IN_STEMS.some((stem) => word.startsWith(stem))) sawIn = true;
  }
  if (sawIn === sawOut) return null;
  return sawIn ? 'in' : 'out';
}

export function parseDirection(cell: Cell): Parsed<Direction> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === ''))
    return fail('operation type is empty');
  const direction = directionOfText(String(cell));
  if (direction !== null) return ok(direction);
  return fail(`operation type ${show(cell)} does not say whether money came in or went out`);
}
