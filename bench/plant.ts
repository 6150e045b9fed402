/**
 * Statement descriptions with planted identifiers and planted look-alikes, each with its ground
 * truth: which raw strings are real identifiers (and their normalized value, as the parsers give
 * it) and which are traps that must never become a mention (order ids failing Luhn, IINs and
 * IBANs with broken check digits, dates, amounts, reference numbers).
 */
import {
  parseBtc,
  parseCard,
  parseEth,
  parseIban,
  parseIinBin,
  parseMaskedCard,
  parsePhone,
  parseTron,
  type IdentifierKind,
} from '../shared/identifiers';
import type { Random } from '../shared/demo/ids';
import {
  badIin,
  badTron,
  breakIban,
  btcAddress,
  card,
  digits,
  ethAddress,
  formatPhone,
  groupCard,
  iin,
  int,
  kzIban,
  maskCard,
  notCard,
  phone,
  pick,
  tronAddress,
} from '../shared/demo/ids';

export interface PlantedValue {
  kind: IdentifierKind;
  value: string;
}

export interface Planted {
  text: string;
  real: PlantedValue[];
  /** Raw look-alikes as written in `text`. */
  traps: string[];
}

const BINS = ['440043', '440563', '400303', '539545', '404932', '517792'];
const BANK_CODES = ['722', '601', '551', '998', '965', '826'];

function normalized(kind: IdentifierKind, raw: string): string {
  const r =
    kind === 'card'
      ? parseCard(raw)
      : kind === 'card_masked'
        ? parseMaskedCard(raw)
        : kind === 'iban'
          ? parseIban(raw)
          : kind === 'phone'
            ? parsePhone(raw)
            : kind === 'iin'
              ? parseIinBin(raw)
              : kind === 'tron'
                ? parseTron(raw)
                : kind === 'eth'
                  ? parseEth(raw)
                  : parseBtc(raw);
  if (!r.ok) throw new Error(`planted ${kind} ${raw} does not parse: ${r.message}`);
  return r.value;
}

type Piece = [text: string, real: PlantedValue | null, trap: string | null];

function realPiece(random: Random): Piece {
  const kind = pick(random, ['card', 'card_masked', 'iban', 'phone', 'iin', 'tron', 'eth', 'btc'] as const);
  let raw: string;
  let text: string;
  switch (kind) {
    case 'card':
      raw = random() < 0.5 ? groupCard(card(random, pick(random, BINS))) : card(random, pick(random, BINS));
      text = `Перевод на карту ${raw}`;
      break;
    case 'card_masked':
      raw = maskCard(card(random, pick(random, BINS)));
      text = `Пополнение с карты ${raw}`;
      break;
    case 'iban':
      raw = kzIban(random, pick(random, BANK_CODES));
      text = `на счет ${raw}`;
      break;
    case 'phone':
      raw = formatPhone(phone(random));
      text = `Перевод по номеру телефона ${raw}`;
      break;
    case 'iin':
      raw = iin(random);
      text = `ИИН ${raw}`;
      break;
    case 'tron':
      raw = tronAddress(random);
      text = `USDT TRC20 на адрес ${raw}`;
      break;
    case 'eth':
      raw = ethAddress(random);
      text = `USDT ERC20 кошелек ${raw}`;
      break;
    case 'btc':
      raw = btcAddress(random);
      text = `BTC адрес ${raw}`;
      break;
  }
  return [text, { kind, value: normalized(kind, raw) }, null];
}

function trapPiece(random: Random): Piece {
  const r = int(random, 0, 8);
  const trap = (text: string, raw: string): Piece => [text, null, raw];
  switch (r) {
    case 0: {
      const id = notCard(random, '4');
      return trap(`Оплата заказа №${id}`, id);
    }
    case 1: {
      const id = notCard(random);
      return trap(`Платеж ${id} по карте`, id);
    }
    case 2: {
      const v = badIin(random);
      return trap(`ИИН ${v}`, v);
    }
    case 3: {
      const v = breakIban(kzIban(random, pick(random, BANK_CODES)));
      return trap(`счет ${v}`, v);
    }
    case 4: {
      const v = `${String(int(random, 1, 28)).padStart(2, '0')}.${String(int(random, 1, 12)).padStart(2, '0')}.2024`;
      return trap(`от ${v}`, v);
    }
    case 5: {
      const v = `${int(random, 1, 999)} ${digits(random, 3)},${digits(random, 2)}`;
      return trap(`сумма ${v} KZT`, v);
    }
    case 6: {
      const v = digits(random, 12);
      return trap(`RRN ${v}`, v);
    }
    case 7: {
      const v = badTron(random);
      return trap(`адрес ${v}`, v);
    }
    default: {
      const v = `${int(random, 1, 9)}${digits(random, 18)}`;
      return trap(`референс ${v}`, v);
    }
  }
}

/** One description with 1–2 pieces, about half of them traps. */
export function plantDescription(random: Random): Planted {
  const pieces: Piece[] = [];
  for (let n = int(random, 1, 2); n > 0; n--)
    pieces.push(random() < 0.5 ? realPiece(random) : trapPiece(random));
  return {
    text: pieces.map((p) => p[0]).join('; '),
    real: pieces.flatMap((p) => (p[1] ? [p[1]] : [])),
    traps: pieces.flatMap((p) => (p[2] ? [p[2]] : [])),
  };
}
