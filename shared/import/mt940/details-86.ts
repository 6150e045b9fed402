import type { Counterparty } from '../bank-statement';
import { looksLikeBic, normalizeIban } from '../bank-statement';

/**
 * Field :86: (information to account owner). Three dialects are common:
 *
 * 1. German/Polish/Dutch "structured" (DFÜ/DK): `166?00GUTSCHRIFT?100399?20EREF+...?30BIC?31IBAN?32NAME`
 *    — a 3-digit business code, then `?NN` subfields (Triodos uses `>` instead of `?`). Lines are
 *    wrapped at a fixed width, mid-word, so continuation lines are concatenated without a space.
 *    Inside ?20–?29/?60–?63 SEPA keywords (EREF+, KREF+, MREF+, CRED+, SVWZ+, ABWA+) may appear.
 * 2. SEPA "slash" style (Rabobank, ING, ABN AMRO): `/EREF/..../CNTP/IBAN/BIC/NAME//REMI/USTD//text/`
 *    or `/BENM//NAME/JOHN DOE/REMI/...`.
 * 3. Free text over up to six 65-character lines.
 */
export interface Details86 {
  description: string;
  counterparty?: Counterparty;
  endToEndId?: string;
  customerReference?: string;
  bankTransactionCode?: string;
}

/** Width of an MT940 line; text that fills it was wrapped by the bank, not by the writer. */
const LINE_WIDTH = 65;

const SEPA_KEYWORDS = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT|PURP)\+/g;

/** @param firstLineOffset width of the `:86:` prefix, to recognise full-width first lines. */
export function parseDetails86(lines: readonly string[], firstLineOffset = 4): Details86 {
  const structured = /^\s?(\d{3})\s?([?>])\d{2}/.exec(lines.join(''));
  if (structured) return parseStructured(lines.join(''), structured[1] ?? '', structured[2] ?? '?');
  const joined = joinWrapped(lines, firstLineOffset);
  if (/^\/[A-Z]{2,4}\//.test(joined)) return parseSlashStyle(lines.join('').trim());
  return { description: joined };
}

/**
 * Free text: a line that reaches the full width was wrapped mid-word by the bank, so the next
 * one continues it directly; shorter lines end a phrase and get a space. Padding is collapsed.
 */
function joinWrapped(lines: readonly string[], firstLineOffset: number): string {
  let text = '';
  lines.forEach((line, index) => {
    const width = line.length + (index === 0 ? firstLineOffset : 0);
    text += line;
    if (width < LINE_WIDTH) text += ' ';
  });
  return text.replace(/\s+/g, ' ').trim();
}

function parseStructured(text: string, code: string, separator: string): Details86 {
  const fields = new Map<number, string>();
  const splitter = separator === '?' ? /\?(\d{2})/g : />(\d{2})/g;
  const marks = [...text.matchAll(splitter)];
  marks.forEach((mark, index) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[index + 1]?.index ?? text.length;
    const key = Number(mark[1]);
    fields.set(key, (fields.get(key) ?? '') + text.slice(start, end));
  });
  const field = (key: number): string => (fields.get(key) ?? '').trim();
  const range = (from: number, to: number): string => {
    let joined = '';
    for (let key = from; key <= to; key++) joined += fields.get(key) ?? '';
    return joined;
  };

  const postingText = field(0);
  // Purpose subfields are 27-character slices of one text, so they are concatenated as is.
  const purpose = (range(20, 29) + range(60, 63)).trim();
  const sepa = splitSepaKeywords(purpose);
  const purposeText = (sepa.size > 0 ? renderSepa(purpose) : purpose).replace(/\s+/g, ' ').trim();

  const result: Details86 = {
    description: [postingText, purposeText].filter((part) => part !== '').join(': '),
    bankTransactionCode: code,
  };
  const endToEnd = sepa.get('EREF');
  if (endToEnd && endToEnd.toUpperCase() !== 'NOTPROVIDED') result.endToEndId = endToEnd;
  const kref = sepa.get('KREF');
  if (kref && kref.toUpperCase() !== 'NOTPROVIDED') result.customerReference = kref;

  const counterparty: Counterparty = {};
  const name = range(32, 33).replace(/\s+/g, ' ').trim();
  if (name) counterparty.name = name;
  const bankField = field(30).replace(/\s+/g, '');
  const accountField = field(31).replace(/\s+/g, '');
  const iban = normalizeIban(accountField) ?? normalizeIban(field(38));
  if (iban) counterparty.iban = iban;
  if (looksLikeBic(bankField)) counterparty.bic = bankField;
  if (accountField && !normalizeIban(accountField)) {
    // German bank code + account number is the conventional notation (like :25:).
    counterparty.account = /^\d+$/.test(bankField) ? `${bankField}/${accountField}` : accountField;
  }
  if (Object.keys(counterparty).length > 0) result.counterparty = counterparty;
  return result;
}

/** `EREF+abc KREF+x SVWZ+text` -> Map { EREF: 'abc', KREF: 'x', SVWZ: 'text' } */
function splitSepaKeywords(purpose: string): Map<string, string> {
  const found = new Map<string, string>();
  const marks = [...purpose.matchAll(SEPA_KEYWORDS)];
  marks.forEach((mark, index) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[index + 1]?.index ?? purpose.length;
    const key = mark[1] ?? '';
    if (!found.has(key)) found.set(key, purpose.slice(start, end).trim());
  });
  return found;
}

/** Keep every keyword but make the boundaries readable: `EREF+1 SVWZ+Rent`. */
function renderSepa(purpose: string): string {
  return purpose.replace(
    SEPA_KEYWORDS,
    (keyword, _name, offset: number) => (offset > 0 ? ' ' : '') + keyword,
  );
}

/** Codes of the slash dialect; a value runs until the next `/CODE/`. */
const SLASH_CODES =
  /\/(EREF|MARF|CSID|CNTP|REMI|PURP|ULTC|ULTD|ULTB|BENM|ORDP|NAME|IBAN|BIC|ADDR|ISDT|RTRN|TRCD|IREF|OREF|BUSP|EXCH|CHGS|COAM|OAMT|SVWZ|ID)\//g;

function parseSlashStyle(text: string): Details86 {
  const values = new Map<string, string>();
  const marks = [...text.matchAll(SLASH_CODES)];
  marks.forEach((mark, index) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[index + 1]?.index ?? text.length;
    const key = mark[1] ?? '';
    if (!values.has(key)) values.set(key, text.slice(start, end));
  });
  const clean = (value: string | undefined): string =>
    (value ?? '')
      .replace(/^\/+|\/+$/g, '')
      .replace(/\s+/g, ' ')
      .trim();

  const counterparty: Counterparty = {};
  // CNTP = IBAN/BIC/NAME/CITY
  const cntp = values.get('CNTP');
  if (cntp !== undefined) {
    const [account = '', bic = '', name = ''] = cntp.split('/');
    const iban = normalizeIban(account);
    if (iban) counterparty.iban = iban;
    else if (account.trim()) counterparty.account = account.trim();
    if (looksLikeBic(bic.trim())) counterparty.bic = bic.trim();
    if (clean(name)) counterparty.name = clean(name);
  }
  const name = clean(values.get('NAME'));
  if (name && !counterparty.name) counterparty.name = name;
  const iban = normalizeIban(clean(values.get('IBAN')));
  if (iban && !counterparty.iban) counterparty.iban = iban;
  const bic = clean(values.get('BIC'));
  if (looksLikeBic(bic) && !counterparty.bic) counterparty.bic = bic;

  // REMI may be `USTD//free text` (unstructured) or `STRD/CUR/ref` (structured creditor reference).
  const remittance = clean(values.get('REMI')).replace(/^(USTD|STRD)\/+/, '');
  const result: Details86 = {
    description: remittance || text.replace(/\s+/g, ' ').trim(),
  };
  const endToEnd = clean(values.get('EREF'));
  if (endToEnd && endToEnd.toUpperCase() !== 'NOTPROVIDED') result.endToEndId = endToEnd;
  if (Object.keys(counterparty).length > 0) result.counterparty = counterparty;
  return result;
}
