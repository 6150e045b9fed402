import { describe, expect, it } from 'vitest';
import { slugify } from './slug';
import {
  defaultTemplate,
  fillTemplate,
  PLACEHOLDERS,
  TemplateError,
  validateTemplate,
  type TemplateValues,
} from './template';

const values = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `<${p}>`])) as TemplateValues;

describe('letter templates', () => {
  it.each(['ru', 'kk'] as const)('default %s template is valid and fills every placeholder', (lang) => {
    const template = defaultTemplate(lang);
    expect(validateTemplate(template)).toEqual([]);
    const filled = JSON.stringify(fillTemplate(template, values));
    expect(filled).not.toContain('{{');
    for (const name of ['institution', 'registryNumber', 'totalWords', 'legalBasis', 'investigator']) {
      expect(filled).toContain(`<${name}>`);
    }
  });

  it('names an unknown placeholder and suggests the one meant', () => {
    const template = defaultTemplate('ru');
    template.addressee = 'Председателю Правления АО «{{instituton}}»';
    expect(() => fillTemplate(template, values)).toThrow(TemplateError);
    expect(() => fillTemplate(template, values)).toThrow(
      /addressee: unknown placeholder \{\{instituton\}\}\. Did you mean \{\{institution\}\}\?/,
    );
  });

  it('reports unbalanced braces and empty required blocks for the editor', () => {
    const template = defaultTemplate('kk');
    template.place = '{{city} қ.';
    template.requests = [];
    const issues = validateTemplate(template);
    expect(issues.map((i) => i.field).sort()).toEqual(['place', 'requests']);
    expect(issues.find((i) => i.field === 'place')?.message).toMatch(/unbalanced braces/);
  });

  it('returns a copy, so editing a template leaves the default alone', () => {
    defaultTemplate('ru').title = 'changed';
    expect(defaultTemplate('ru').title).toBe('ЗАПРОС');
  });
});

describe('slugify', () => {
  it.each([
    ['Kaspi Bank', 'kaspi-bank'],
    ['Халық Банк', 'khalyq-bank'],
    ['АО «Банк ЦентрКредит»', 'ao-bank-tsentrkredit'],
    ['Tether Ltd.', 'tether-ltd'],
    ['«»', 'institution'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
