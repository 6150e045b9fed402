/**
 * File-name slugs for institutions: Latin transliteration of Russian and Kazakh letters,
 * lowercase, hyphens. Packet paths must be the same on every machine and readable in any ZIP
 * tool, so no Cyrillic and no locale-dependent rules.
 */
const FROM = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі';
// One Latin spelling per letter, space-separated; "_" is a letter written as nothing (ъ, ь).
const TO = 'a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya a g q n o u u h i';
const TRANSLIT = new Map([...FROM].map((ch, i) => [ch, (TO.split(' ')[i] ?? '').replace('_', '')]));

export function slugify(name: string): string {
  const latin = [...name.toLowerCase()].map((ch) => TRANSLIT.get(ch) ?? ch).join('');
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'institution';
}

/** Slugs for a sorted list of names; a clash gets -2, -3… in list order, so it is stable. */
export function uniqueSlugs(names: string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const name of names) {
    const base = slugify(name);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    out.set(name, slug);
  }
  return out;
}
