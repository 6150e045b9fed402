/**
 * One institution's freeze request as structured content (text blocks, asset table, totals),
 * filled from the template; the PDF and DOCX writers only lay it out, so both say the same.
 */
import { amountFigures, amountInWords } from '../../format/amount-words';
import { dateInWords } from '../../format/date-words';
import type { CaseFacts, FreezeEntry, PacketLang } from '../types';
import { KIND_WORDS } from '../words';
import { ADDRESSEE_TITLE, DEFAULT_LEGAL_BASIS, DEFAULT_ORGANISATION } from './default-templates';
import { fillTemplate, type LetterTemplate, type TemplateValues } from './template';

export interface LetterColumn {
  title: string;
  /** Fraction of the text width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface LetterTotal {
  currency: string;
  /** `1 250 000,00 KZT` */
  figures: string;
  /** `1 250 000,00 (один миллион двести пятьдесят тысяч) тенге 00 тиын` */
  words: string;
}

export interface Letter {
  lang: PacketLang;
  institution: string;
  /** Document title (PDF metadata, DOCX core properties). */
  documentTitle: string;
  addressee: string[];
  place: string;
  date: string;
  title: string;
  subtitle: string;
  body: string[];
  tableIntro: string;
  columns: LetterColumn[];
  rows: string[][];
  totalLine: string;
  requestTitle: string;
  requests: string[];
  closing: string[];
  signatureLeft: string[];
  signatureRight: string;
  totals: LetterTotal[];
}

const CAPTIONS: Record<PacketLang, string[]> = {
  ru: ['№', 'Вид актива', 'Идентификатор', 'Владелец', 'Сумма ареста', 'Источник'],
  kk: ['№', 'Актив түрі', 'Сәйкестендіргіш', 'Иесі', 'Тыйым сомасы', 'Дереккөз'],
};
// Sized so the longest kind word (Криптокошелёк) and a 1 250 000,00 figure fit unbroken at 8.5 pt.
const WIDTHS = [0.05, 0.17, 0.23, 0.22, 0.16, 0.17];

const TITLE: Record<PacketLang, string> = {
  ru: 'Запрос о приостановлении расходных операций',
  kk: 'Шығыс операцияларын тоқтата тұру туралы сұрау салу',
};

const group4 = (text: string): string => text.replace(/(.{4})(?=.)/g, '$1 ');

/** Cards in full, 4-4-4-4 (the bank needs the whole number); IBANs in groups of four. */
export function letterIdentifier(entry: FreezeEntry): string {
  const compact = entry.identifier.replace(/[\s-]/g, '');
  if (entry.kind === 'card' && /^\d{12,19}$/.test(compact)) return group4(compact);
  if (entry.kind === 'account' && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/i.test(compact)) {
    return group4(compact.toUpperCase());
  }
  return entry.identifier.trim();
}

/** IIN and BIN are both 12 digits; a BIN's fifth digit (4–6) gives the legal-entity type. */
function holderText(entry: FreezeEntry, lang: PacketLang): string {
  const id = entry.holderId?.trim();
  if (!id) return entry.holder;
  const isBin = /^\d{4}[456]\d{7}$/.test(id);
  const label = lang === 'ru' ? (isBin ? 'БИН' : 'ИИН') : isBin ? 'БСН' : 'ЖСН';
  return `${entry.holder}, ${label} ${id}`;
}

function evidenceText(entry: FreezeEntry, lang: PacketLang): string {
  const first = entry.evidence[0];
  if (!first) return '—';
  const row = lang === 'ru' ? `стр.\u00a0${first.row}` : `${first.row}-жол`;
  const more = entry.evidence.length > 1 ? ` (+${entry.evidence.length - 1})` : '';
  return `${first.file}, ${row}${more}`;
}

function totalsOf(entries: FreezeEntry[], lang: PacketLang): LetterTotal[] {
  const sums = new Map<string, number>();
  for (const e of entries) {
    const code = e.currency.toUpperCase();
    sums.set(code, (sums.get(code) ?? 0) + e.amountMinor);
  }
  // KZT first, then the other currencies alphabetically: stable whatever the entry order.
  const codes = [...sums.keys()].sort((a, b) => (a === 'KZT' ? -1 : b === 'KZT' ? 1 : a.localeCompare(b)));
  return codes.map((currency) => {
    const minor = sums.get(currency) ?? 0;
    return {
      currency,
      figures: `${amountFigures(minor, currency)}\u00a0${currency}`,
      words: amountInWords(minor, currency, lang).full,
    };
  });
}

function legalBasisOf(entries: FreezeEntry[], lang: PacketLang): string {
  const named = [...new Set(entries.map((e) => e.legalBasis.trim()).filter(Boolean))];
  return named.length > 0 ? named.join('; ') : DEFAULT_LEGAL_BASIS[lang];
}

const CAPITAL = 'A-ZА-ЯЁӘҒҚҢӨҰҮҺІ';
const INITIAL = new RegExp(`(?<=^|[\\s(«])([${CAPITAL}]\\.) (?=[${CAPITAL}])`, 'gu');

/**
 * No-break spaces where Russian and Kazakh typography ties words: after №, ст., г., п. and
 * between initials and a surname, so "№" never ends a line with its number on the next.
 */
export function tie(text: string): string {
  return text.replace(/(№|ст\.|г\.|п\.|ч\.) (?=\S)/g, '$1\u00a0').replace(INITIAL, '$1\u00a0');
}

function tieAll(t: LetterTemplate): LetterTemplate {
  const out = { ...t };
  for (const key of Object.keys(out) as (keyof LetterTemplate)[]) {
    const value = out[key];
    (out as Record<string, string | string[]>)[key] = Array.isArray(value) ? value.map(tie) : tie(value);
  }
  return out;
}

/** A sentence may open with a placeholder ("{{organisation}} іс жүргізуінде…"). */
const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function letterFor(
  institution: string,
  allEntries: FreezeEntry[],
  facts: CaseFacts,
  template: LetterTemplate,
  lang: PacketLang,
  date: Date,
): Letter {
  const entries = allEntries.filter((e) => e.institution === institution);
  const totals = totalsOf(entries, lang);
  const values: TemplateValues = {
    institution,
    addresseeTitle: ADDRESSEE_TITLE[lang][entries[0]?.institutionKind ?? 'bank'],
    registryNumber: facts.registryNumber,
    caseTitle: facts.title,
    assetCount: String(entries.length),
    totalFigures: totals.map((t) => t.figures).join('; '),
    totalWords: totals.map((t) => t.words).join('; '),
    investigator: facts.investigator,
    position: facts.position?.trim() ?? '',
    organisation: facts.organisation?.trim() || DEFAULT_ORGANISATION[lang],
    city: facts.city?.trim() ?? '',
    date: dateInWords(date, lang),
    legalBasis: legalBasisOf(entries, lang),
  };
  const filled = tieAll(fillTemplate(template, values));
  const rows = entries.map((e, i) => [
    String(i + 1),
    KIND_WORDS[lang][e.kind],
    letterIdentifier(e),
    holderText(e, lang),
    // An ordinary space before the code: a narrow column wraps the code, not the figure.
    `${amountFigures(e.amountMinor, e.currency)} ${e.currency.toUpperCase()}`,
    evidenceText(e, lang),
  ]);
  return {
    lang,
    institution,
    documentTitle: `${TITLE[lang]} — ${institution}`,
    addressee: lines(filled.addressee),
    place: values.city ? filled.place : '',
    date: values.date,
    title: filled.title,
    subtitle: filled.subtitle,
    body: filled.body.map(capitalise),
    tableIntro: filled.tableIntro,
    columns: CAPTIONS[lang].map((title, i) => ({
      title,
      width: WIDTHS[i] ?? 0,
      ...(i === 0 || i === 4 ? { align: 'right' as const } : {}),
    })),
    rows,
    totalLine: filled.totalLine,
    requestTitle: filled.requestTitle,
    requests: filled.requests,
    closing: filled.closing,
    signatureLeft: lines(filled.signatureLeft),
    signatureRight: filled.signatureRight.trim(),
    totals,
  };
}
