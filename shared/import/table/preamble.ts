/**
 * Facts printed above a statement's table: bank and BIC, holder, IIN/BIN, account, card,
 * currency, period and balances. Labels come as `Label: value` in one cell, as a label cell
 * followed by a value cell, or run into prose (`Клиент, Иванов И.И., ИИН 850101300123`,
 * `Выписка по лицевому счету KZ…`).
 */
import type { Cell, SheetRows } from './cell';
import { parseAmount } from './amount';
import { parseCurrencyCode } from './currency';
import { parseDateTime } from './datetime';
import { balanceLabel } from './markers';
import { normalizeCaption, parseText } from './text';

export interface BalanceFact {
  /** Signed minor units in the account currency. */
  minor: number;
  currency: string | null;
  /** Kaspi prints `300.27 вал 126386.65 нац`: the tenge equivalent. */
  kztMinor?: number;
  row: number;
}

export interface PreambleFact {
  /** 0-based row index. */
  row: number;
  label: string;
  value: string;
}

export interface PreambleFacts {
  bankName?: string;
  bic?: string;
  holderName?: string;
  /** IIN/BIN, 12 digits (leading zeros restored). */
  idNumber?: string;
  account?: string;
  card?: string;
  /** The holder's phone as the bank lists it: the number transfers "by phone" reach this account by. */
  phone?: string;
  currency?: string;
  /** Period bounds, UTC ms of local midnight. */
  periodFrom?: number;
  periodTo?: number;
  openingBalance?: BalanceFact;
  closingBalance?: BalanceFact;
  /** Every label/value pair seen, in order, for display. */
  facts: PreambleFact[];
}

type FactKey =
  'holder' | 'id' | 'account' | 'card' | 'phone' | 'currency' | 'period' | 'from' | 'to' | 'bic' | 'bank';

// Checked in order: the longer, more specific labels first.
const LABELS: readonly (readonly [string, FactKey])[] = [
  ['начало периода', 'from'],
  ['конец периода', 'to'],
  ['период выписки', 'period'],
  ['за период', 'period'],
  ['период', 'period'],
  ['кезең', 'period'],
  ['period', 'period'],
  ['валюта счета', 'currency'],
  ['валюта контракта', 'currency'],
  ['валюта', 'currency'],
  ['currency', 'currency'],
  ['иин бин', 'id'],
  ['бин иин', 'id'],
  ['иин', 'id'],
  ['бин', 'id'],
  ['жсн', 'id'],
  ['itn', 'id'],
  ['номер счета', 'account'],
  ['лицевой счет', 'account'],
  ['счет', 'account'],
  ['иик', 'account'],
  ['шот', 'account'],
  ['contract', 'account'],
  ['account', 'account'],
  ['iban', 'account'],
  ['номер телефона', 'phone'],
  ['мобильный телефон', 'phone'],
  ['телефон нөмірі', 'phone'],
  ['телефон', 'phone'],
  ['phone', 'phone'],
  ['номер карты', 'card'],
  ['карта', 'card'],
  ['card', 'card'],
  ['клиент', 'holder'],
  ['фио', 'holder'],
  ['владелец', 'holder'],
  ['наименование клиента', 'holder'],
  ['client', 'holder'],
  ['бик', 'bic'],
  ['bic', 'bic'],
  ['swift', 'bic'],
  ['банк', 'bank'],
];

const BIC = /\b([A-Z]{4}KZ[A-Z0-9]{2})\b/;
const IBAN = /\bKZ\d{2}[0-9A-Z]{13,16}\b/;
const ID_IN_TEXT = /(?:ИИН|БИН|ЖСН|БСН|ITN)[^\d']{0,6}'?(\d{10,12})\b/i;
const DIGITS_12 = /^'?(\d{9,12})$/;
const DATE_IN_TEXT = /\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}[.-]\d{2}[.-]\d{2}/g;
const CARD = /\d{4}[\s*Xx]*[*Xx]{2,}[\s*Xx]*\d{4}|\b\d{16}\b/;
const KASPI_BALANCE = /^(.*?)\s*вал\.?\s+(.*?)\s*нац\.?$/i;
const QUOTED_HOLDER = /((?:ТОО|ИП|АО|ООО|КХ|ЧП|ОО)\s*)?[«"“]([^»"”]+)[»"”]/;
const BANK_WORD = /(?:^|[^\p{L}])(?:банк|bank)/iu;
const MULTI_SPACE = /\s{2,}/g;
const ANY_12_DIGITS = /(\d{12})/;
const HOLDER_STOP = /,?\s*(?:ИИН|БИН|ЖСН|ITN)\b.*$/i;

/** Reads rows `[from, to)` of a sheet. Later facts never overwrite earlier ones. */
export function readPreamble(rows: SheetRows, from: number, to: number): PreambleFacts {
  const facts: PreambleFacts = { facts: [] };
  for (let r = from; r < to; r++) {
    const row = rows[r];
    if (!row) continue;
    readRow(row, r, facts);
  }
  return facts;
}

function readRow(row: readonly Cell[], r: number, facts: PreambleFacts): void {
  const cells: { text: string; cell: Cell }[] = [];
  for (const cell of row) {
    const text = parseText(cell);
    if (text !== '') cells.push({ text, cell });
  }
  for (let i = 0; i < cells.length; i++) {
    const entry = cells[i];
    if (!entry) continue;
    const { text } = entry;
    scanProse(text, facts);
    const colon = text.indexOf(':');
    const labelText = colon > 0 ? text.slice(0, colon) : text;
    const inlineValue = colon > 0 ? text.slice(colon + 1).trim() : '';
    const next = cells[i + 1];

    const balance = balanceLabel(labelText);
    if (balance !== null) {
      const valueCell: Cell = inlineValue !== '' ? inlineValue : (next?.cell ?? null);
      const fact = readBalance(valueCell, r);
      if (fact) {
        if (balance === 'opening') facts.openingBalance ??= fact;
        else facts.closingBalance ??= fact;
        facts.facts.push({ row: r, label: labelText, value: parseText(valueCell) });
        if (inlineValue === '') i++;
      }
      continue;
    }
    let key = labelOf(labelText, colon > 0);
    let value = inlineValue;
    if (key === null && colon < 0) {
      // "Клиент, Иванов И.И., ИИН…": a comma after the label instead of a colon.
      const comma = text.indexOf(',');
      key = comma > 0 ? labelOf(text.slice(0, comma), true) : null;
      if (key !== null) value = text.slice(comma + 1).trim();
    }
    if (key === null) continue;
    let valueCell: Cell = value;
    if (value === '' && next) {
      value = next.text;
      valueCell = next.cell;
      i++;
    }
    if (value === '') continue;
    facts.facts.push({ row: r, label: labelText.trim(), value });
    apply(key, value, valueCell, facts);
  }
}

function labelOf(text: string, hadColon: boolean): FactKey | null {
  const n = normalizeCaption(text);
  if (n === '' || n.length > 40) return null;
  for (const [label, key] of LABELS) {
    if (n === label) return key;
    // "Валюта счета (KZT)" / "Период выписки с …": allow trailing words only after a colon-less
    // label that is clearly a label (short text).
    if (hadColon && n.startsWith(`${label} `)) return key;
  }
  return null;
}

function apply(key: FactKey, value: string, cell: Cell, facts: PreambleFacts): void {
  switch (key) {
    case 'holder':
      facts.holderName ??= value.replace(HOLDER_STOP, '').trim();
      break;
    case 'id': {
      const id = idNumber(value);
      if (id) facts.idNumber ??= id;
      break;
    }
    case 'account':
      facts.account ??= IBAN.exec(value.toUpperCase())?.[0] ?? value;
      break;
    case 'card':
      facts.card ??= CARD.exec(value)?.[0] ?? value;
      break;
    case 'phone':
      facts.phone ??= value;
      break;
    case 'currency': {
      const currency = parseCurrencyCode(cell);
      if (currency.ok) facts.currency ??= currency.value;
      break;
    }
    case 'period':
      readPeriod(value, facts);
      break;
    case 'from':
    case 'to': {
      const date = parseDateTime(cell);
      if (date.ok) {
        if (key === 'from') facts.periodFrom ??= date.value.ms;
        else facts.periodTo ??= date.value.ms;
      }
      break;
    }
    case 'bic':
      facts.bic ??= BIC.exec(value)?.[1] ?? value;
      break;
    case 'bank':
      facts.bankName ??= value;
      break;
  }
}

/** Facts found anywhere in text, label or not. */
function scanProse(text: string, facts: PreambleFacts): void {
  if (facts.bic === undefined) {
    const bic = BIC.exec(text);
    if (bic?.[1]) facts.bic = bic[1];
  }
  if (facts.account === undefined) {
    const iban = IBAN.exec(text);
    if (iban) facts.account = iban[0];
  }
  if (facts.idNumber === undefined) {
    const id = ID_IN_TEXT.exec(text);
    if (id?.[1]) facts.idNumber = id[1].padStart(12, '0');
  }
  if (facts.bankName === undefined && BANK_WORD.test(text) && text.indexOf(':') < 0 && text.length < 120) {
    facts.bankName = text.replace(BIC, '').replace(MULTI_SPACE, ' ').trim();
  }
  if (facts.holderName === undefined && !BANK_WORD.test(text)) {
    const quoted = QUOTED_HOLDER.exec(text);
    if (quoted?.[2]) facts.holderName = `${quoted[1] ?? ''}"${quoted[2]}"`.trim();
  }
  if (facts.periodFrom === undefined) {
    const dates = text.match(DATE_IN_TEXT);
    if (dates && dates.length === 2) readPeriod(text, facts);
  }
}

function readPeriod(text: string, facts: PreambleFacts): void {
  const dates = text.match(DATE_IN_TEXT);
  if (!dates || dates.length < 2) return;
  const from = parseDateTime(dates[0] ?? null);
  const to = parseDateTime(dates[1] ?? null);
  if (from.ok) facts.periodFrom ??= from.value.ms;
  if (to.ok) facts.periodTo ??= to.value.ms;
}

function idNumber(value: string): string | null {
  const trimmed = value.trim();
  const direct = DIGITS_12.exec(trimmed);
  if (direct?.[1]) return direct[1].padStart(12, '0');
  const inText = ANY_12_DIGITS.exec(trimmed);
  return inText?.[1] ?? null;
}

/** `126 386,65`, a numeric cell, or Kaspi's `300.27 вал 126386.65 нац`. */
export function readBalance(cell: Cell, row: number): BalanceFact | null {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    const kaspi = KASPI_BALANCE.exec(cell.trim());
    if (kaspi) {
      const account = parseAmount(kaspi[1] ?? null);
      const kzt = parseAmount(kaspi[2] ?? null);
      if (account.ok && kzt.ok) {
        return {
          minor: account.value.minor,
          currency: account.value.currency,
          kztMinor: kzt.value.minor,
          row,
        };
      }
    }
  }
  const amount = parseAmount(cell);
  return amount.ok ? { minor: amount.value.minor, currency: amount.value.currency, row } : null;
}
