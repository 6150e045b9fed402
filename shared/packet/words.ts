/** What the packet's documents call asset kinds and register statuses, in Russian and Kazakh. */
import type { FreezeEntry, FreezeStatus, PacketLang } from './types';

export const KIND_WORDS: Record<PacketLang, Record<FreezeEntry['kind'], string>> = {
  ru: {
    card: 'Платёжная карта',
    account: 'Банковский счёт',
    wallet: 'Криптокошелёк',
    'exchange-account': 'Аккаунт на бирже',
    phone: 'Номер телефона',
  },
  kk: {
    card: 'Төлем карточкасы',
    account: 'Банк шоты',
    wallet: 'Криптоәмиян',
    'exchange-account': 'Биржадағы аккаунт',
    phone: 'Телефон нөмірі',
  },
};

export const STATUS_WORDS: Record<PacketLang, Record<FreezeStatus, string>> = {
  ru: {
    proposed: 'предложен',
    approved: 'утверждён',
    'request-sent': 'запрос направлен',
    frozen: 'арестован',
    refused: 'отказ',
    released: 'арест снят',
  },
  kk: {
    proposed: 'ұсынылды',
    approved: 'бекітілді',
    'request-sent': 'сұрау жіберілді',
    frozen: 'тыйым салынды',
    refused: 'бас тартылды',
    released: 'тыйым алынды',
  },
};
