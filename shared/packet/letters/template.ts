/**
 * Editable freeze-request letter templates: plain text blocks with {{placeholders}}. The
 * investigator edits them in the app, so a typo must fail loudly with the placeholder named,
 * never reach the bank as "{{instituton}}".
 */
import { DEFAULT_TEMPLATES } from './default-templates';

export const PLACEHOLDERS = [
  'institution',
  'addresseeTitle',
  'registryNumber',
  'caseTitle',
  'assetCount',
  'totalFigures',
  'totalWords',
  'investigator',
  'position',
  'organisation',
  'city',
  'date',
  'legalBasis',
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

export interface LetterTemplate {
  /** Addressee block, top right; lines separated by \n. */
  addressee: string;
  /** `г. {{city}}`; the line is left out when the case has no city. */
  place: string;
  title: string;
  subtitle: string;
  /** Paragraphs before the asset table. */
  body: string[];
  tableIntro: string;
  /** Under the table, e.g. `Итого: {{totalFigures}}`. */
  totalLine: string;
  /** `ПРОШУ:` */
  requestTitle: string;
  requests: string[];
  closing: string[];
  /** Signature block: left column (position) and the name on the right. */
  signatureLeft: string;
  signatureRight: string;
}

export type TemplateField = keyof LetterTemplate;

export interface TemplateIssue {
  field: TemplateField;
  /** What is wrong, for the app to say in the investigator's language; `message` is English. */
  code: 'empty' | 'unknown-placeholder' | 'unbalanced-braces';
  message: string;
  placeholder?: string;
}

export class TemplateError extends Error {
  constructor(readonly issues: TemplateIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('\n'));
    this.name = 'TemplateError';
  }
}

export function defaultTemplate(lang: 'ru' | 'kk'): LetterTemplate {
  return structuredClone(DEFAULT_TEMPLATES[lang]);
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(PLACEHOLDERS);
const REQUIRED: TemplateField[] = ['addressee', 'title', 'body', 'requests'];

function blocks(template: LetterTemplate): [TemplateField, string][] {
  return (Object.keys(template) as TemplateField[]).flatMap((field) => {
    const value = template[field];
    return (Array.isArray(value) ? value : [value]).map((text): [TemplateField, string] => [field, text]);
  });
}

/** Edit distance, to suggest the placeholder a typo meant. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function suggestion(name: string): string {
  const best = [...PLACEHOLDERS].sort((x, y) => distance(name, x) - distance(name, y))[0] ?? '';
  return distance(name, best) <= 3 ? ` Did you mean {{${best}}}?` : '';
}

/** Everything wrong with a template, for the editor to show beside the field. */
export function validateTemplate(template: LetterTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const field of REQUIRED) {
    const value = template[field];
    if ((Array.isArray(value) ? value.join('') : value).trim() === '') {
      issues.push({ field, code: 'empty', message: 'must not be empty' });
    }
  }
  for (const [field, text] of blocks(template)) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      if (!KNOWN.has(name)) {
        issues.push({
          field,
          code: 'unknown-placeholder',
          placeholder: name,
          message: `unknown placeholder {{${name}}}.${suggestion(name)} Known: ${PLACEHOLDERS.join(', ')}.`,
        });
      }
    }
    // Braces left after the known ones are taken out: a half-typed {{city} or {date}}.
    const rest = text.replace(PLACEHOLDER, '');
    if (/\{\{|\}\}/.test(rest)) {
      issues.push({
        field,
        code: 'unbalanced-braces',
        message: `unbalanced braces in "${text.slice(0, 60)}"`,
      });
    }
  }
  return issues;
}

function fill(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name as Placeholder]);
}

/** The template with every placeholder replaced; throws TemplateError naming any unknown one. */
export function fillTemplate(template: LetterTemplate, values: TemplateValues): LetterTemplate {
  const issues = validateTemplate(template);
  if (issues.length > 0) throw new TemplateError(issues);
  return {
    addressee: fill(template.addressee, values),
    place: fill(template.place, values),
    title: fill(template.title, values),
    subtitle: fill(template.subtitle, values),
    body: template.body.map((t) => fill(t, values)),
    tableIntro: fill(template.tableIntro, values),
    totalLine: fill(template.totalLine, values),
    requestTitle: fill(template.requestTitle, values),
    requests: template.requests.map((t) => fill(t, values)),
    closing: template.closing.map((t) => fill(t, values)),
    signatureLeft: fill(template.signatureLeft, values),
    signatureRight: fill(template.signatureRight, values),
  };
}
