/**
 * Header vocabulary: for each column role, the captions Kazakh banks, card processors, P2P
 * exchanges and block explorers print (ru, kk, en, typos included). Data, not logic: add a
 * spelling here when a new statement shows one. Matching (`matchHeader`) is on normalized text.
 */
import { normalizeCaption } from './text';

export const COLUMN_ROLES = [
  'rowNumber',
  'date',
  'valueDate',
  'amount',
  'credit',
  'debit',
  'amountKzt',
  'currency',
  'operationType',
  'description',
  'knp',
  'documentNumber',
  'fee',
  'balance',
  'ownAccount',
  'ownCard',
  'ownName',
  'ownIdNumber',
  'payerName',
  'payerIdNumber',
  'payerBank',
  'payerAccount',
  'payerResidency',
  'recipientName',
  'recipientIdNumber',
  'recipientBank',
  'recipientAccount',
  'recipientResidency',
  'counterpartyName',
  'counterpartyIdNumber',
  'counterpartyAccount',
  'counterpartyCard',
  'counterpartyPhone',
  'counterpartyBank',
  'counterpartyResidency',
  'merchant',
  'merchantId',
  'mcc',
  'branch',
  'country',
  'wallet',
  'fromAddress',
  'toAddress',
  'txid',
  'network',
  'token',
  'cryptoAmount',
  'fiatAmount',
  'fiatCurrency',
  'price',
  'orderId',
  'orderStatus',
  'side',
] as const;

export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Captions as printed. Normalized once at load; order inside a list does not matter. */
export const ROLE_SPELLINGS: Readonly<Record<ColumnRole, readonly string[]>> = {
  rowNumber: ['№', '№ п/п', 'п/п', 'N', 'No', '#', 'Номер п/п', 'Р/с №', 'Рет саны'],
  date: [
    'Дата и время операции',
    'Дата операции',
    'Дата',
    'Дата транзакции',
    'Дата проводки',
    'Дата и время',
    'Дата совершения операции',
    'Күні',
    'Күні / Дата',
    'Операция күні',
    'TRANS_DATE',
    'Date',
    'Date(UTC)',
    'DateTime (UTC)',
    'Date Time',
    'Time',
    'Created Time',
    'Create Time',
    'Transaction Date',
    'Timestamp',
  ],
  valueDate: [
    'Дата валютирования',
    'Дата отражения',
    'Дата обработки',
    'POSTING_DATE',
    'Posting Date',
    'Value Date',
  ],
  amount: [
    'Сумма',
    'Суммы',
    'Сумма операции',
    'Сумма в валюте ее проведения',
    'Сумма в валюте операции',
    'Сумма (вал.)',
    'Сумма в валюте',
    'Сумма (валюта)',
    'Сумма платежа',
    'Сумма перевода',
    'Сома',
    'TRANS_AMOUNT',
    'Amount',
    'Value',
    'TokenValue',
    'Transaction Amount',
  ],
  credit: [
    'Сумма в валюте ее проведения по кредиту',
    'Кредит',
    'Кредитовый оборот',
    'Обороты по кредиту',
    'Приход',
    'Поступление',
    'Зачисление',
    'Кіріс',
    'Кредит (валюта)',
    'Credit',
    'Income',
    'Paid in',
  ],
  debit: [
    'Сумма в валюте ее проведения по дебету',
    'Дебет',
    'Дебетовый оборот',
    'Обороты по дебету',
    'Расход',
    'Списание',
    'Шығыс',
    'Дебет (валюта)',
    'Debit',
    'Expense',
    'Paid out',
  ],
  amountKzt: [
    'Сумма в тенге',
    'Сумма (тенге)',
    'Сумма (тенге.)',
    'Сумма в нац. валюте',
    'Сумма в национальной валюте',
    'Сумма по курсу НБ',
    'Эквивалент',
    'Эквивалент в тенге',
    'Сумма KZT',
    'Сумма в KZT',
    'Теңгемен сомасы',
    'Amount KZT',
  ],
  currency: [
    'Валюта операции',
    'Валюта',
    'Валюта счета',
    'Код валюты',
    'Валюта платежа',
    'Валютасы',
    'TRANS_CURR',
    'Currency',
    'Ccy',
  ],
  operationType: [
    'Виды операции (категория документа)',
    'Вид операции (КД)',
    'Вид операции',
    'Виды операции',
    'Тип операции',
    'Тип транзакции',
    'Операция',
    'Категория документа',
    'Направление',
    'Вид перевода',
    'Операция түрі',
    'TRANS_TYPE',
    'Operation',
    'Direction',
    'Transaction Type',
  ],
  description: [
    'Назначение платежа',
    'Назначение',
    'Основание',
    'Описание',
    'Описание операции',
    'Детали операции',
    'Детали',
    'Детали платежа',
    'Комментарий',
    'Примечание',
    'Төлем мақсаты',
    'Мақсаты',
    'ADDITIONAL_DESC',
    'Description',
    'Details',
    'Purpose',
    'Method',
  ],
  knp: ['Код назначения платежа', 'КНП', 'ТМК', 'Код КНП', 'Төлем мақсатының коды', 'KNP'],
  documentNumber: [
    'Номер документа',
    '№ документа',
    'Документ',
    'Құжат',
    'Құжат нөмірі',
    '№ операции',
    'Номер операции',
    'Номер транзакции',
    'RET_REF_NUMBER',
    'AUTH_CODE',
    'RRN',
    'Reference',
  ],
  fee: [
    'Комиссия',
    'Комиссия банка',
    'Сумма комиссии',
    'Комиссия (тенге)',
    'FEE_AMOUNT',
    'Fee',
    'Txn Fee',
    'TransactionFee',
    'Transaction Fee',
    'Network Fee',
    'Комиссия сомасы',
  ],
  balance: ['Остаток', 'Баланс', 'Остаток после операции', 'Остаток на счете', 'Қалдық', 'Balance'],
  ownAccount: ['Номер счета', 'Лицевой счет', 'ИИК', 'Счет', 'Счет клиента', 'IBAN', 'Account', 'Шот'],
  ownCard: ['Номер карты', 'Карта', 'Карта клиента', 'CONTRACT_FOR', 'Card', 'Card number', 'Карта нөмірі'],
  ownName: ['ФИО клиента', 'Клиент', 'Наименование клиента', 'CLIENT', 'ФИО отправителя/получателя'],
  ownIdNumber: ['ИИН клиента', 'ИИН/БИН клиента', 'ITN'],
  payerName: [
    'Наименование/ФИО плательщика',
    'Плательщик',
    'Отправитель',
    'ФИО отправителя',
    'Наименование отправителя',
    'Наименование дебет',
    'Наименование дебитора',
    'Төлеуші',
    'Sender',
    'Payer',
  ],
  payerIdNumber: ['ИИН/БИН плательщика', 'ИИН плательщика', 'БИН плательщика', 'ИИН отправителя'],
  payerBank: ['Банк плательщика', 'БИК банка плательщика', 'Банк отправителя'],
  payerAccount: ['Номер счета плательщика', 'Счет плательщика', 'ИИК плательщика', 'Счет отправителя'],
  payerResidency: ['Резидентство плательщика', 'Резиденство плательщика', 'Резидентство отправителя'],
  recipientName: [
    'Наименование/ФИО получателя',
    'Получатель',
    'ФИО получателя',
    'Наименование получателя',
    'Наименование кредит',
    'Бенефициар',
    'Алушы',
    'Recipient',
    'Receiver',
    'Beneficiary',
  ],
  recipientIdNumber: ['ИИН/БИН получателя', 'ИИН получателя', 'БИН получателя', 'ИИН бенефициара'],
  recipientBank: ['Банк получателя', 'БИК банка получателя', 'Банк бенефициара'],
  recipientAccount: ['Номер счета получателя', 'Счет получателя', 'ИИК получателя', 'Счет бенефициара'],
  recipientResidency: ['Резидентство получателя', 'Резиденство получателя', 'Резидентство бенефициара'],
  counterpartyName: [
    'Наименование',
    'Наименование/ФИО',
    'ФИО',
    'Наименование компании/ФИО',
    'Наименование бенефициара/отправителя',
    'ФИО получателя / отправителя',
    'Контрагент',
    'Наименование контрагента',
    'Корреспондент',
    'Bank / Name',
    'Counterparty',
    'Couterparty',
  ],
  counterpartyIdNumber: ['ИИН/БИН', 'БИН/ИИН', 'ИИН', 'БИН', 'ИИН/БИН контрагента', 'ЖСН/БСН', 'ЖСН', 'БСН'],
  counterpartyAccount: [
    'Счет-корреспондент',
    'Корр. счет',
    'Счет контрагента',
    'Номер счета контрагента',
    'Корреспондент шот',
  ],
  counterpartyCard: ['Карта получателя/отправителя', 'Номер карты контрагента', 'Карта контрагента'],
  counterpartyPhone: ['Телефон', 'Номер телефона', 'Телефон контрагента', 'Phone'],
  counterpartyBank: [
    'Банк',
    'Наименование банка',
    'БИК',
    'Корресп. банк',
    'Банк контрагента',
    'БИК банка',
    'SWIFT Банка',
    'Банк корреспондент',
    'MEMBER_ID',
  ],
  counterpartyResidency: ['Резидентство', 'Резиденство', 'Резидент', 'Резиденттігі'],
  merchant: [
    'Наименование мерчанта',
    'Наименование СДП (при наличии)',
    'Наименование СДП',
    'Торговая точка',
    'Merchant',
  ],
  merchantId: ['ID мерчанта', 'ИД мерчанта', 'Merchant ID', 'CPID', 'БИН банка эквайера'],
  mcc: ['МСС', 'MCC', 'Код MCC', 'МСС код'],
  branch: ['Подразделение', 'Наименование филиала', 'Филиал', 'Branch'],
  country: ['Страна получателя/отправителя', 'Страна', 'Country'],
  wallet: ['Wallet', 'Wallet Address', 'Адрес кошелька', 'Кошелек', 'Address'],
  fromAddress: ['From', 'From Address', 'Sender Address'],
  toAddress: ['To', 'To Address', 'Receiver Address'],
  txid: ['Txn Hash', 'Transaction Hash', 'TxID', 'Tx Hash', 'Hash', 'Transaction ID', 'Хэш транзакции'],
  network: ['Network', 'Chain', 'Blockchain', 'Сеть'],
  token: ['Token Symbol', 'TokenSymbol', 'Token', 'Asset', 'Asset Type', 'Coin', 'Crypto', 'Token Name'],
  cryptoAmount: ['Quantity', 'Crypto Amount', 'Amount (Crypto)', 'Количество', 'Coin Amount'],
  fiatAmount: ['Total Price', 'Fiat Amount', 'Total', 'Total Amount', 'Сумма в фиате'],
  fiatCurrency: ['Fiat Type', 'Fiat', 'Fiat Currency'],
  price: ['Price', 'Unit Price', 'Цена', 'Курс', 'Exchange rate'],
  orderId: ['Order Number', 'Order No', 'Order No.', 'Order ID', 'Номер ордера'],
  orderStatus: ['Status', 'Order Status', 'Статус', 'Состояние перевода', 'Состояние'],
  side: ['Order Type', 'Side', 'Trade Type', 'Buy/Sell', 'Тип сделки'],
};

/** A generic party column becomes the payer's or the recipient's under a qualifier. */
export const PARTY_VARIANTS: Readonly<Partial<Record<ColumnRole, readonly [ColumnRole, ColumnRole]>>> = {
  counterpartyName: ['payerName', 'recipientName'],
  counterpartyIdNumber: ['payerIdNumber', 'recipientIdNumber'],
  counterpartyAccount: ['payerAccount', 'recipientAccount'],
  ownAccount: ['payerAccount', 'recipientAccount'],
  counterpartyBank: ['payerBank', 'recipientBank'],
  counterpartyResidency: ['payerResidency', 'recipientResidency'],
};

/** Word stems naming the payer or the recipient (also the `Плательщик`/`Получатель` group captions). */
export const PARTY_STEMS = {
  payer: ['плательщ', 'отправител', 'дебет', 'төлеуші', 'payer', 'sender'],
  recipient: ['получател', 'бенефициар', 'кредит', 'алушы', 'recipient', 'receiver', 'beneficiary'],
} as const;

/** Word stems turning a plain amount caption into the credit or debit side. */
export const SIDE_STEMS = {
  credit: ['кредит', 'credit', 'кіріс', 'приход', 'поступ'],
  debit: ['дебет', 'debit', 'шығыс', 'расход', 'списан'],
} as const;

export interface HeaderMatch {
  role: ColumnRole;
  /** 1 for an exact caption, less for a caption found inside longer text. */
  score: number;
  /** The vocabulary spelling that matched (normalized). */
  spelling: string;
}

const exact = new Map<string, ColumnRole>();
const contained: { spelling: string; padded: string; role: ColumnRole }[] = [];
for (const role of COLUMN_ROLES) {
  for (const raw of ROLE_SPELLINGS[role]) {
    const spelling = normalizeCaption(raw);
    if (spelling === '' || exact.has(spelling)) continue;
    exact.set(spelling, role);
    contained.push({ spelling, padded: ` ${spelling} `, role });
  }
}
// Longest first, so "сумма в тенге" wins over "сумма".
contained.sort((a, b) => b.spelling.length - a.spelling.length);

const WORD_SPLIT = ' ';

function hasStem(words: readonly string[], stems: readonly string[]): boolean {
  for (const word of words) for (const stem of stems) if (word.startsWith(stem)) return true;
  return false;
}

/** Which party a caption or group caption names; null when none or both («бенефициара/отправителя»). */
export function partyOfCaption(normalized: string): 'payer' | 'recipient' | null {
  const words = normalized.split(WORD_SPLIT);
  const payer = hasStem(words, PARTY_STEMS.payer);
  const recipient = hasStem(words, PARTY_STEMS.recipient);
  if (payer === recipient) return null;
  return payer ? 'payer' : 'recipient';
}

function sideOfCaption(normalized: string): 'credit' | 'debit' | null {
  const words = normalized.split(WORD_SPLIT);
  const credit = hasStem(words, SIDE_STEMS.credit);
  const debit = hasStem(words, SIDE_STEMS.debit);
  if (credit === debit) return null;
  return credit ? 'credit' : 'debit';
}

/**
 * The role a caption names, or null. `group` is the caption of a merged cell above it in a
 * 2-row header (`Плательщик` over `ИИН/БИН` → `payerIdNumber`).
 */
export function matchHeader(caption: string, group?: string | null): HeaderMatch | null {
  const normalized = normalizeCaption(caption);
  if (normalized === '') return null;
  let match: HeaderMatch | null = null;
  const exactRole = exact.get(normalized);
  if (exactRole !== undefined) match = { role: exactRole, score: 1, spelling: normalized };
  else {
    const padded = ` ${normalized} `;
    for (const entry of contained) {
      if (entry.spelling.length >= normalized.length) continue;
      if (padded.includes(entry.padded)) {
        match = {
          role: entry.role,
          score: 0.6 + (0.35 * entry.spelling.length) / normalized.length,
          spelling: entry.spelling,
        };
        break;
      }
    }
  }
  if (match === null) return null;
  return qualify(match, normalized, group ? normalizeCaption(group) : null, exactRole !== undefined);
}

function qualify(
  match: HeaderMatch,
  normalized: string,
  group: string | null,
  isExact: boolean,
): HeaderMatch {
  const variants = PARTY_VARIANTS[match.role];
  if (variants) {
    const party =
      (isExact ? null : partyOfCaption(normalized)) ?? (group !== null ? partyOfCaption(group) : null);
    if (party !== null) return { ...match, role: variants[party === 'payer' ? 0 : 1] };
    return match;
  }
  if (match.role === 'amount' && !isExact) {
    const side = sideOfCaption(normalized);
    if (side !== null) return { ...match, role: side };
  }
  return match;
}

/** Normalized vocabulary spellings of one role (for tests and the profile editor). */
export function spellingsOf(role: ColumnRole): string[] {
  return ROLE_SPELLINGS[role].map(normalizeCaption);
}
