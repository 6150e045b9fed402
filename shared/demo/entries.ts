/**
 * One transfer seen from one side: the words and counterparty details a bank prints in the
 * statement of the payer or of the recipient. Both sides of a transfer between two statements
 * come from the same Transfer, so their amounts and times agree by construction (and the test
 * checks it after reading the files back).
 */
import type { Company, Person } from './cast';
import { BANKS } from './cast';
import { formatPhone, maskCard, maskCardCompact } from './ids';
import type { Scenario, Transfer } from './scenario';

export interface Counterparty {
  name: string;
  id?: string;
  bank: string;
  account?: string;
}

export interface Entry {
  transferId: number;
  wall: number;
  direction: 'in' | 'out';
  amountMinor: number;
  /** Kaspi-style operation text; its words (исх./вх./Покупка/Пополнение) carry the direction. */
  operation: string;
  description: string;
  /** Shop name for card purchases (Halyk's `Наименование СДП`). */
  merchant?: string;
  counterparty: Counterparty;
  knp: string;
}

type Party = { kind: 'person'; p: Person } | { kind: 'company'; c: Company };

export function partyOf(s: Scenario, key: string): Party {
  const p = s.people.get(key);
  if (p) return { kind: 'person', p };
  const c = s.companies.get(key);
  if (c) return { kind: 'company', c };
  throw new Error(`unknown party ${key}`);
}

function shortBank(id: Person['bank']): string {
  return BANKS[id].name.replace(/^АО "(.*)"$/, '$1');
}

/** The statement lines of `owner`, oldest first. */
export function statementEntries(s: Scenario, owner: string): Entry[] {
  const entries: Entry[] = [];
  for (const t of s.transfers) {
    if (t.from === owner) entries.push(side(s, t, 'out'));
    else if (t.to === owner) entries.push(side(s, t, 'in'));
  }
  return entries;
}

function side(s: Scenario, t: Transfer, direction: 'in' | 'out'): Entry {
  const other = partyOf(s, direction === 'out' ? t.to : t.from);
  const base = { transferId: t.id, wall: t.wall, direction, amountMinor: t.amountMinor, knp: t.knp };
  if (other.kind === 'company') {
    const c = other.c;
    const counterparty = { name: c.name, id: c.bin, bank: BANKS[c.bank].name, account: c.iban };
    if (t.channel === 'pos') {
      const merchant = c.name.replace(/^ТОО |^АО |"/g, '').replace(/"/g, '');
      return {
        ...base,
        operation: 'Покупка',
        merchant,
        description: `Покупка, ${merchant}, Алматы`,
        counterparty,
      };
    }
    const operation = direction === 'in' ? 'Зачисление (кредит)' : 'Платежное поручение (дебет)';
    return { ...base, operation, description: t.note ?? '', counterparty };
  }
  const p = other.p;
  const own = partyOf(s, direction === 'out' ? t.from : t.to);
  const ownPerson = own.kind === 'person' ? own.p : null;
  const note = t.note && t.hop !== 'p2p' ? `. ${t.note}` : '';
  const operation = direction === 'out' ? 'Перевод исх.' : 'Перевод вх.';
  const counterparty: Counterparty = { name: p.name, bank: BANKS[p.bank].name };
  if (t.channel === 'phone') {
    if (direction === 'out') {
      // The sending bank knows the phone it was told and the name the phone is registered to.
      return {
        ...base,
        operation,
        description: `Перевод по номеру телефона ${formatPhone(p.phone)}${note}`,
        counterparty,
      };
    }
    counterparty.id = p.iin;
    counterparty.account = p.iban;
    return {
      ...base,
      operation,
      description: `Перевод по номеру телефона от ${formatPhone(p.phone)}${note}`,
      counterparty,
    };
  }
  if (direction === 'out') {
    counterparty.account = maskCardCompact(p.card);
    const p2p = t.hop === 'p2p' && t.note ? `. Покупка USDT P2P, ордер ${t.note}` : '';
    return {
      ...base,
      operation,
      description: `Перевод на карту ${maskCard(p.card)}${p2p}${note}`,
      counterparty,
    };
  }
  counterparty.id = p.iin;
  // Incoming card transfers: the acquiring bank passes the full sender PAN in law-enforcement
  // exports from other banks, only a mask between known parties' own banks.
  counterparty.account = t.hop === 'sale' ? p.card : maskCardCompact(p.card);
  const via = ownPerson?.bank === 'kaspi' || p.bank === 'kaspi' ? ' через Kaspi' : ` (${shortBank(p.bank)})`;
  return {
    ...base,
    operation: ownPerson?.bank === 'kaspi' ? 'Пополнение' : operation,
    description: `Пополнение с карты ${maskCard(p.card)}${via}${note}`,
    counterparty,
  };
}
