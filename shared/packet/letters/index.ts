/**
 * Freeze-request letters for the seizure packet: one DOCX (to edit) and one PDF (to send) per
 * institution, under `letters/<slug>.<lang>.{docx,pdf}`.
 */
import type { CaseFacts, FreezeEntry, PacketFonts, PacketLang } from '../types';
import { letterDocx } from './letter-docx';
import { letterFor } from './letter-model';
import { letterPdf } from './letter-pdf';
import { uniqueSlugs } from './slug';
import { defaultTemplate, type LetterTemplate } from './template';

export { letterFor, letterIdentifier, type Letter, type LetterTotal } from './letter-model';
export { letterDocx } from './letter-docx';
export { letterPdf } from './letter-pdf';
export { slugify } from './slug';
export {
  defaultTemplate,
  fillTemplate,
  PLACEHOLDERS,
  TemplateError,
  validateTemplate,
  type LetterTemplate,
  type Placeholder,
  type TemplateIssue,
  type TemplateValues,
} from './template';

export interface LetterOptions {
  lang: PacketLang;
  /** The letter date; also the documents' creation date, so the same inputs give the same bytes. */
  date: Date;
  fonts: PacketFonts;
  template?: LetterTemplate;
}

/** Assets no longer to be frozen are not requested again. */
const NOT_REQUESTED = new Set<FreezeEntry['status']>(['refused', 'released']);

export async function buildLetters(
  entries: FreezeEntry[],
  facts: CaseFacts,
  options: LetterOptions,
): Promise<{ path: string; bytes: Uint8Array }[]> {
  const { lang, date, fonts } = options;
  const template = options.template ?? defaultTemplate(lang);
  const requested = entries.filter((e) => !NOT_REQUESTED.has(e.status));
  const institutions = [...new Set(requested.map((e) => e.institution))].sort();
  const slugs = uniqueSlugs(institutions);
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const institution of institutions) {
    const letter = letterFor(institution, requested, facts, template, lang, date);
    const base = `letters/${slugs.get(institution) ?? 'institution'}.${lang}`;
    files.push({ path: `${base}.docx`, bytes: await letterDocx(letter, date) });
    files.push({ path: `${base}.pdf`, bytes: await letterPdf(letter, fonts, date) });
  }
  return files;
}
export { TEMPLATE_FIELDS, templateFromTexts, templateTexts, type TemplateTexts } from './template-text';
