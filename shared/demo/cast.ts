/**
 * The people, shops and banks of the demo case «Снежок». The key players have fixed names so
 * the README can tell the story; their identifiers come from the seed, and every card is unique
 * by BIN + last 4 so each masked card in the case resolves to exactly one full card.
 */
import { iinCheckDigit } from '../identifiers';
import type { Random } from './ids';
import { card, iin, int, kzIban, phone, pick } from './ids';

export type BankId = 'kaspi' | 'halyk' | 'freedom' | 'jusan' | 'forte' | 'bcc';

export interface Bank {
  id: BankId;
  /** As statements print it in the bank column. */
  name: string;
  bic: string;
  ibanCode: string;
  /** Illustrative BIN for generated cards; only Kaspi's 440043 is in resources/banks. */
  bin: string;
}

export const BANKS: Readonly<Record<BankId, Bank>> = {
  kaspi: { id: 'kaspi', name: 'АО "Kaspi Bank"', bic: 'CASPKZKA', ibanCode: '722', bin: '440043' },
  halyk: {
    id: 'halyk',
    name: 'АО "Народный Банк Казахстана"',
    bic: 'HSBKKZKX',
    ibanCode: '601',
    bin: '440563',
  },
  freedom: {
    id: 'freedom',
    name: 'АО "Freedom Bank Kazakhstan"',
    bic: 'KSNVKZKA',
    ibanCode: '551',
    bin: '400303',
  },
  jusan: {
    id: 'jusan',
    name: 'АО "First Heartland Jusan Bank"',
    bic: 'TSESKZKA',
    ibanCode: '998',
    bin: '539545',
  },
  forte: { id: 'forte', name: 'АО "ForteBank"', bic: 'IRTYKZKA', ibanCode: '965', bin: '404932' },
  bcc: { id: 'bcc', name: 'АО "Банк ЦентрКредит"', bic: 'KCJBKZKX', ibanCode: '826', bin: '517792' },
};

export interface Person {
  key: string;
  name: string;
  iin: string;
  bank: BankId;
  iban: string;
  card: string;
  phone: string;
}

/** A company on the other side of noise rows: shops, utilities, employers. */
export interface Company {
  key: string;
  name: string;
  bin: string;
  bank: BankId;
  iban: string;
}

const SURNAMES = [
  'Ахметов',
  'Бекмуратов',
  'Жумабаев',
  'Оспанов',
  'Тулеуов',
  'Сарсенбаев',
  'Абдрахманов',
  'Исмаилов',
  'Кенжебаев',
  'Мусин',
  'Садыков',
  'Ким',
  'Петров',
  'Иванов',
  'Омаров',
  'Байжанов',
];
const MALE = ['Ерлан', 'Данияр', 'Нурсултан', 'Бауыржан', 'Арман', 'Тимур', 'Алексей', 'Руслан', 'Ержан'];
const FEMALE = ['Айгерим', 'Асель', 'Жанар', 'Динара', 'Гульнара', 'Мадина', 'Ольга', 'Камила', 'Сауле'];
const FATHERS = ['Марат', 'Болат', 'Серик', 'Ержан', 'Кайрат', 'Бахыт', 'Нурлан', 'Сергей'];

export function personName(random: Random, female = random() < 0.45): string {
  const surname = pick(random, SURNAMES);
  const father = pick(random, FATHERS);
  if (female) {
    const s = surname === 'Ким' ? surname : `${surname}а`;
    return `${s} ${pick(random, FEMALE)} ${father}овна`;
  }
  return `${surname} ${pick(random, MALE)} ${father}ович`;
}

/** Hands out identifiers that never repeat inside one case. */
export class Registry {
  private readonly cards = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly other = new Set<string>();

  constructor(private readonly random: Random) {}

  card(bank: BankId): string {
    for (;;) {
      const pan = card(this.random, BANKS[bank].bin);
      // Masks show BIN + last 4: two cards sharing them would make a mask ambiguous.
      const key = pan.slice(0, 6) + pan.slice(-4);
      if (!this.cards.has(key)) {
        this.cards.add(key);
        return pan;
      }
    }
  }

  phone(): string {
    for (;;) {
      const p = phone(this.random);
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }

  unique(make: () => string): string {
    for (;;) {
      const v = make();
      if (!this.other.has(v)) {
        this.other.add(v);
        return v;
      }
    }
  }

  person(key: string, bank: BankId, name?: string, female?: boolean): Person {
    const isFemale = female ?? this.random() < 0.45;
    return {
      key,
      name: name ?? personName(this.random, isFemale),
      iin: this.unique(() => iin(this.random, int(this.random, 1968, 2004), isFemale)),
      bank,
      iban: this.unique(() => kzIban(this.random, BANKS[bank].ibanCode)),
      card: this.card(bank),
      phone: this.phone(),
    };
  }

  company(key: string, name: string, bank: BankId): Company {
    // BIN: registration yymm + entity type 4 (resident legal entity) + attribute 0 + serial + check.
    const bin = this.unique(() => companyBin(this.random));
    return { key, name, bin, bank, iban: this.unique(() => kzIban(this.random, BANKS[bank].ibanCode)) };
  }
}

function companyBin(random: Random): string {
  for (;;) {
    const yy = String(int(random, 5, 22)).padStart(2, '0');
    const mm = String(int(random, 1, 12)).padStart(2, '0');
    const first11 = `${yy}${mm}40${String(int(random, 0, 99999)).padStart(5, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + String(check);
  }
}

/** Where buyers bank: Kaspi dominates retail in Kazakhstan. */
export function buyerBank(random: Random): BankId {
  const r = random();
  if (r < 0.6) return 'kaspi';
  if (r < 0.75) return 'halyk';
  if (r < 0.83) return 'jusan';
  if (r < 0.9) return 'forte';
  if (r < 0.95) return 'bcc';
  return 'freedom';
}
