/**
 * Keyword context for free-text extraction. Checksums alone leave ~10% of random card-shaped
 * numbers and ~1% of random 12-digit numbers valid, so the words next to a number decide whether
 * a checksum failure is worth reporting and whether a bare checksum pass is trusted.
 * Stems cover Russian, Kazakh and English statement wording.
 */

/** How far back (in characters) a keyword may stand from the number it qualifies. */
export const CONTEXT_WINDOW = 40;

export type ContextTopic = 'card' | 'phone' | 'iin' | 'iban' | 'crypto';

const TOPICS: Record<ContextTopic, RegExp> = {
  // "карт" covers карта/карту/картой and Kazakh картасы/картаға/картадан.
  card: /карт|card|kart|(?<!\p{L})pan(?!\p{L})|visa|виза|master\s?card|мастеркард|maestro|unionpay|(?<!\p{L})мир(?!\p{L})|kaspi\s?gold/iu,
  // "тел" covers телефон/тел./Kazakh телефон нөмірі; нөмір alone is Kazakh for "number" and too generic.
  phone:
    /тел|phone|(?<!\p{L})tel(?!\p{L})|моб|mobile|ұялы|whats\s?app|ватсап|telegram|телеграм|(?<!\p{L})sms|смс|по\s+номеру/iu,
  iin: /(?<!\p{L})(иин|инн|iin|бин|bin|жсн|бсн|iin\/bin|иин\/бин)(?!\p{L})/iu,
  iban: /сч[её]т|iban|account|(?<!\p{L})acc(?!\p{L})|шот|(?<!\p{L})(иик|iik|р\/с|к\/с)(?!\p{L})/iu,
  crypto:
    /usdt|trc|erc|bep|tron|(?<!\p{L})trx|btc|bitcoin|биткоин|(?<!\p{L})eth|ether|крипт|crypto|wallet|кошел|адрес|address|хэш|hash/iu,
};

/**
 * A label directly in front of a number that names it as something else: an order, a document,
 * a transaction reference. It vetoes a card/IIN reading even when the checksum happens to pass.
 */
const REFERENCE_LABEL =
  /(?:(?<!\p{L})(?:rrn|arn|ref|референс|reference|заказ\p{L}*|order|транзакци\p{L}*|transaction|txn|чек\p{L}*|квитанци\p{L}*|документ\p{L}*|doc|договор\p{L}*|contract|auth\p{L}*|авториз\p{L}*|код\p{L}*|code|invoice|id|операци\p{L}*))\s*[.:#№-]?\s*№?\s*$/iu;

export function textBefore(text: string, start: number, window = CONTEXT_WINDOW): string {
  return text.slice(Math.max(0, start - window), start);
}

export function hasContext(text: string, start: number, end: number, topic: ContextTopic): boolean {
  // Mostly the keyword precedes ("на карту 4400…"), but column-style text puts it after ("4400… (карта)").
  const around = textBefore(text, start) + ' ' + text.slice(end, end + 20);
  return TOPICS[topic].test(around);
}

export function hasReferenceLabel(text: string, start: number): boolean {
  return REFERENCE_LABEL.test(textBefore(text, start, 30));
}
