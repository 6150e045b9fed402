/**
 * A letter template as the editor shows it: one text per field, the paragraphs of list fields
 * (body, requests, closing) separated by an empty line — the way people separate paragraphs.
 */
import type { LetterTemplate, TemplateField } from './template';

export type TemplateTexts = Record<TemplateField, string>;

const LIST_FIELDS = new Set<TemplateField>(['body', 'requests', 'closing']);

export const TEMPLATE_FIELDS: readonly TemplateField[] = [
  'addressee',
  'place',
  'title',
  'subtitle',
  'body',
  'tableIntro',
  'totalLine',
  'requestTitle',
  'requests',
  'closing',
  'signatureLeft',
  'signatureRight',
];

export function templateTexts(template: LetterTemplate): TemplateTexts {
  const texts = {} as TemplateTexts;
  for (const field of TEMPLATE_FIELDS) {
    const value = template[field];
    texts[field] = Array.isArray(value) ? value.join('\n\n') : value;
  }
  return texts;
}

export function templateFromTexts(texts: TemplateTexts): LetterTemplate {
  const out: Record<string, string | string[]> = {};
  for (const field of TEMPLATE_FIELDS) {
    const text = texts[field].replace(/\r\n?/g, '\n');
    out[field] = LIST_FIELDS.has(field)
      ? text
          .split(/\n\s*\n/)
          .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
          .filter(Boolean)
      : text.trim();
  }
  return out as unknown as LetterTemplate;
}
