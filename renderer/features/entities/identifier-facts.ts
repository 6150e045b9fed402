import { parseAs } from '../../../shared/identifiers/recognize';
import { usdtChainsFor } from '../../../shared/identifiers/usdt';
import type { IdentifierKind } from '../../../shared/identifiers/types';
import { bankTables } from '../../app/bank-directory';

export interface IdentifierFact {
  /** i18n key under entities.facts. */
  label: string;
  value: string;
}

/** What the identifier itself says: bank, brand, operator, birth date, chain… as label/value pairs. */
export function identifierFacts(
  kind: IdentifierKind,
  value: string,
  language: 'ru' | 'kk' | 'en',
): IdentifierFact[] {
  const parsed = parseAs(kind, value, { banks: bankTables.directory() });
  if (!parsed.ok) return [{ label: 'validity', value: parsed.message }];
  const details = parsed.details as unknown as Record<string, unknown>;
  const facts: IdentifierFact[] = [];
  const add = (label: string, item: unknown) => {
    if (item !== null && item !== undefined && item !== '') facts.push({ label, value: String(item) });
  };
  const bank = details.bank as
    { name: { ru: string; en: string }; bic?: string; confidence: string } | null | undefined;
  if (bank)
    add(
      'bank',
      `${language === 'en' ? bank.name.en : bank.name.ru}${bank.bic ? ` (${bank.bic})` : ''} · ${bank.confidence}`,
    );
  const brand = details.brand as { name: string } | string | null | undefined;
  add('brand', typeof brand === 'object' && brand !== null ? brand.name : brand);
  add('operator', details.operator);
  add('country', details.country);
  add('birthDate', details.birthDate);
  add('sex', details.sex);
  add('registered', details.registered);
  add('entityType', details.entityType);
  add('network', details.network);
  add('addressType', details.type);
  if (kind === 'tron' || kind === 'eth') {
    add(
      'usdt',
      usdtChainsFor(value)
        .map((chain) => `${chain.network} (${chain.chain})`)
        .join(', '),
    );
  }
  return facts;
}
