/** Seeded-by-construction freeze registers for letter tests: the same call gives the same entries. */
import type { CaseFacts, FreezeEntry } from '../types';

export const FACTS: CaseFacts = {
  title: 'Мошенничество в отношении Сәрсенбаевой Ә. Қ. (интернет-мошенничество)',
  registryNumber: '261500031000123',
  investigator: 'Ж. Ә. Нұрланов',
  position: 'Старший следователь по особо важным делам СУ ДП г. Алматы, майор полиции',
  organisation: 'СУ ДП г. Алматы',
  city: 'Алматы',
};

export const LETTER_DATE = new Date(Date.UTC(2026, 10, 25, 4, 0));

const KINDS: FreezeEntry['kind'][] = ['card', 'account', 'wallet', 'exchange-account', 'phone'];

function identifier(kind: FreezeEntry['kind'], i: number): string {
  const n = String(1000 + i);
  switch (kind) {
    case 'card':
      return `440043010000${n}`;
    case 'account':
      return `KZ86722C00001234${n}`;
    case 'wallet':
      return `TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj${n.slice(0, 2)}`;
    case 'exchange-account':
      return `UID ${900000 + i}`;
    case 'phone':
      return `+7701123${n}`;
  }
}

/** `count` assets at one bank, plus one at a crypto exchange and one refused (not requested). */
export function entries(count: number, institution = 'Kaspi Bank'): FreezeEntry[] {
  const list = Array.from({ length: count }, (_, i): FreezeEntry => {
    const kind = KINDS[i % 3] as FreezeEntry['kind'];
    return {
      id: `e${i}`,
      kind,
      identifier: identifier(kind, i),
      holder: i % 2 === 0 ? 'Қайратұлы Ғалымжан Өмірұлы' : 'ТОО «Шығыс Сауда»',
      holderId: i % 2 === 0 ? '900101300123' : '150440012345',
      institution,
      amountMinor: kind === 'wallet' ? 1_250_500_000 + i * 1_000_000 : 125_000_000 + i * 101,
      currency: kind === 'wallet' ? 'USDT' : 'KZT',
      status: 'approved',
      legalBasis: '',
      evidence: [{ file: `kaspi-${i % 4}.xlsx`, sha256: 'ab'.repeat(32), sheet: 'Выписка', row: 10 + i }],
    };
  });
  list.push({
    ...(list[0] as FreezeEntry),
    id: 'binance',
    kind: 'exchange-account',
    identifier: 'UID 35551234',
    institution: 'Binance',
    institutionKind: 'exchange',
    currency: 'USDT',
    amountMinor: 12_500_500_000,
  });
  list.push({ ...(list[0] as FreezeEntry), id: 'refused', institution: 'Халық Банк', status: 'refused' });
  return list;
}
