import { describe, expect, it } from 'vitest';
import { extractIdentifiers, extractIdentifiersUnskipped } from './extract';

const kinds = (text: string) => extractIdentifiers(text).mentions.map((m) => [m.kind, m.value]);

describe('extractIdentifiers: statement descriptions', () => {
  it('finds a masked card after "на карту" (anchored mask: BIN + last 4 + length)', () => {
    const text = 'Перевод на карту 4400 43** **** 1234';
    const { mentions } = extractIdentifiers(text);
    expect(mentions).toEqual([
      {
        kind: 'card_masked',
        value: '440043******1234',
        raw: '4400 43** **** 1234',
        start: 17,
        end: 36,
        basis: 'format+context',
      },
    ]);
    expect(text.slice(17, 36)).toBe('4400 43** **** 1234');
  });

  it('finds a phone in "Перевод по номеру телефона"', () => {
    expect(kinds('Перевод по номеру телефона +7 701 123 45 67')).toEqual([['phone', '+77011234567']]);
  });

  it('reports a Luhn-failing 16-digit number next to "карты" as an invalid card', () => {
    const r = extractIdentifiers('Пополнение с карты 4400430012345678 через Kaspi');
    expect(r.mentions).toEqual([]);
    expect(r.rejected).toMatchObject([
      { kind: 'card', raw: '4400430012345678', reason: 'luhn', start: 19, end: 35 },
    ]);
  });

  it('accepts the same shape with a valid Luhn digit', () => {
    expect(kinds('Пополнение с карты 4400430012345671 через Kaspi')).toEqual([['card', '4400430012345671']]);
  });

  it('finds a TRON wallet after "USDT TRC20"', () => {
    expect(kinds('USDT TRC20 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t вывод')).toEqual([
      ['tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
    ]);
  });

  it('reports a mistyped TRON address only because crypto context is present', () => {
    const typo = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u';
    expect(extractIdentifiers(`USDT TRC20 ${typo}`).rejected).toMatchObject([
      { kind: 'tron', reason: 'checksum' },
    ]);
    expect(extractIdentifiers(`Примечание ${typo}`).rejected).toEqual([]);
  });

  it('finds an IIN after "ИИН" and reports a bad one there', () => {
    expect(kinds('Оплата услуг, ИИН 880101300123')).toEqual([['iin', '880101300123']]);
    expect(extractIdentifiers('Оплата услуг, ИИН 880101300124').rejected).toMatchObject([
      { kind: 'iin', reason: 'checksum' },
    ]);
  });

  it('finds a KZ IBAN after "на счет", written compact or in groups of four', () => {
    expect(kinds('на счет KZ86125KZT5004100100')).toEqual([['iban', 'KZ86125KZT5004100100']]);
    expect(kinds('на счет KZ86 125K ZT50 0410 0100 KZT')).toEqual([['iban', 'KZ86125KZT5004100100']]);
    expect(extractIdentifiers('на счет KZ87125KZT5004100100').rejected).toMatchObject([
      { kind: 'iban', reason: 'checksum' },
    ]);
  });

  it('finds several kinds in one line with exact offsets', () => {
    const text =
      'Kaspi Gold 4400430012345671 → +77011234567, ИИН 880101300123; ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    const { mentions } = extractIdentifiers(text);
    expect(mentions.map((m) => m.kind)).toEqual(['card', 'phone', 'iin', 'eth']);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.raw);
  });

  it('handles Kazakh and English wording', () => {
    expect(kinds('Картаға аударым 4400430012345671')).toEqual([['card', '4400430012345671']]);
    expect(kinds('Телефон нөмірі бойынша аударым 87771234567')).toEqual([['phone', '+77771234567']]);
    expect(kinds('Card transfer 4111 1111 1111 1111 to ****5678')).toEqual([
      ['card', '4111111111111111'],
      ['card_masked', '…5678'],
    ]);
    expect(kinds('BTC withdrawal to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toEqual([
      ['btc', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
    ]);
  });
});

describe('extractIdentifiers: precision (no false positives)', () => {
  it.each([
    ['dates', 'Операция 25.11.2026 14:35:22, валютирование 2026-11-25T14:35'],
    ['amounts', 'Сумма 5 000,00 KZT, комиссия 1,234.56 USD, итого 1 234 567,89 тг'],
    [
      'a bare 16-digit order id failing Luhn without card context',
      'Оплата заказа 1234567890123456 в магазине',
    ],
    ['KNP and KBE codes', 'КНП 119, КБе 19, КОд 17, БИК CASPKZKA'],
    ['a long reference number', 'Референс 123456789012345678901234'],
    ['a 12-digit RRN that happens to pass the IIN check', 'RRN 880101300123'],
    ['an order label that vetoes a Luhn-valid number', 'Номер заказа: 4111111111111111'],
    ['digits glued to letters', 'ID ORD4111111111111111X и код A880101300123'],
    ['a 16-digit amount with decimals', 'Остаток 4111111111111111,00'],
    [
      'an Ethereum transaction hash (64 hex), not an address',
      'tx 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060',
    ],
  ])('%s', (_, text) => {
    const r = extractIdentifiers(text);
    expect(r.mentions).toEqual([]);
    expect(r.rejected).toEqual([]);
  });

  it('a bare 11-digit 8/7 number is a phone only with phone context (documented decision)', () => {
    expect(kinds('Договор 87011234567 от 01.02.2026')).toEqual([]);
    expect(kinds('Перевод клиенту 87011234567')).toEqual([]);
    expect(kinds('тел. 87011234567')).toEqual([['phone', '+77011234567']]);
    expect(kinds('моб 7011234567')).toEqual([['phone', '+77011234567']]);
    // Formatting is itself evidence: the national "8 (7xx)" and international "+7" forms need no keyword.
    expect(kinds('Иванов 8 (701) 123-45-67')).toEqual([['phone', '+77011234567']]);
    expect(kinds('Иванов 8 701 123 45 67')).toEqual([['phone', '+77011234567']]);
  });

  it('a phone followed by an amount keeps only the phone digits', () => {
    const { mentions } = extractIdentifiers('Перевод +7 701 123 45 67 5 000,00 KZT');
    expect(mentions).toMatchObject([{ kind: 'phone', value: '+77011234567', raw: '+7 701 123 45 67' }]);
  });

  it('a bare Luhn-valid number without context needs a 16-digit brand-compatible shape', () => {
    expect(kinds('Платеж 4111111111111111')).toEqual([['card', '4111111111111111']]);
    // 13-digit Luhn-valid numbers are too common by chance to trust without the word "card".
    expect(kinds('Платеж 4222222222222')).toEqual([]);
    expect(kinds('Карта 4222222222222')).toEqual([['card', '4222222222222']]);
  });

  it('a tail-only mask needs card context; an anchored mask does not', () => {
    expect(kinds('Код *1234 отправлен')).toEqual([]);
    expect(kinds('Списание 440043******1234')).toEqual([['card_masked', '440043******1234']]);
  });

  it('an IIN without a keyword must carry a plausible century (born 1900 or later)', () => {
    expect(kinds('Получатель Иванов 880101300123')).toEqual([['iin', '880101300123']]);
    expect(kinds('Получатель Иванов 851214200006')).toEqual([]);
    expect(kinds('ИИН 851214200006')).toEqual([['iin', '851214200006']]);
  });

  it('a mixed-case Ethereum address with a broken EIP-55 checksum is always reported (it is a typo)', () => {
    expect(extractIdentifiers('to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD').rejected).toMatchObject([
      { kind: 'eth', reason: 'checksum' },
    ]);
  });

  it('does not read the digits inside an IBAN or a card as a phone or an IIN', () => {
    expect(kinds('счет KZ86125KZT5004100100 тел')).toEqual([['iban', 'KZ86125KZT5004100100']]);
    expect(kinds('карта 4400 4300 1234 5671 телефон')).toEqual([['card', '4400430012345671']]);
  });

  it('is deterministic and sorted by position', () => {
    const text = 'ИИН 880101300123 тел +77011234567 карта 4111111111111111';
    const a = extractIdentifiers(text);
    expect(extractIdentifiers(text)).toEqual(a);
    const starts = a.mentions.map((m) => m.start);
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
  });
});

describe('TRON addresses that look like testnet bech32', () => {
  it('finds a valid TRON address starting with TB1 (a failed tb1 parse does not claim it)', () => {
    expect(kinds('USDT TRC20 TB1QZrjuxUM8NHEywpVv8ewk9emeStCSkC вывод')).toEqual([
      ['tron', 'TB1QZrjuxUM8NHEywpVv8ewk9emeStCSkC'],
    ]);
  });
});

describe('the one-pass pre-check skips only scans that cannot match', () => {
  // Each case sits at the edge of what `shapeOf` measures: the scan must still run.
  it.each([
    // A mask two characters from a digit, across a group separator.
    ['карта 4400 **** **** 1234', [['card_masked', '4400********1234']]],
    // Cyrillic х as the mask, right before the last 4.
    ['по карте ххххх1234', [['card_masked', '…1234']]],
    // Phone digits joined by brackets and dashes count as one number.
    ['тел. 8 (701) 123-45-67', [['phone', '+77011234567']]],
    ['+7 (701) 123-45-67', [['phone', '+77011234567']]],
    // A card grouped with NBSP.
    ['карта 4400\u00a04300\u00a01234\u00a05671', [['card', '4400430012345671']]],
    // An IBAN anchor right after punctuation, and a TRON address of exactly 34 characters at the end.
    ['счет:KZ86125KZT5004100100', [['iban', 'KZ86125KZT5004100100']]],
    ['USDT TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', [['tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t']]],
  ])('%j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    // Segwit addresses: lower and upper case, at the very start, after punctuation.
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', [['btc', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4']]],
    [
      'BTC:BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
      [['btc', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4']],
    ],
    // An IBAN in groups of four separated by NBSP and dashes.
    ['счет KZ86\u00a0125K-ZT50\u00a004100100', [['iban', 'KZ86125KZT5004100100']]],
  ])('%j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('agrees with running every scan, on 20,000 seeded texts built from identifiers and noise', () => {
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pieces = [
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
      'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx',
      'TB1QZrjuxUM8NHEywpVv8ewk9emeStCSkC',
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      'KZ86125KZT5004100100',
      'KZ86 125K ZT50 0410 0100',
      'DE89370400440532013000',
      '4400430012345671',
      '4400 4300 1234 5671',
      '4400 43** **** 1234',
      '*1234',
      '+7 701 123 45 67',
      '8 (701) 123-45-67',
      '87011234567',
      '880101300123',
      '12 345,67',
      '03.01.2024',
      'на карту',
      'счет',
      'ИИН',
      'USDT TRC20',
      'тел.',
      'референс',
      'bc',
      'tb',
      'BC',
      'T',
      '1',
      '0x',
      '#',
      'х',
    ];
    const glue = [' ', '', ';', ', ', '-', '\u00a0', ':', '.', '(', ')', '+'];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const n = 1 + next(5);
      for (let k = 0; k < n; k++) {
        let piece = pieces[next(pieces.length)] ?? '';
        // A one-character typo now and then: near misses are where a pre-check could go wrong.
        if (piece.length > 2 && next(3) === 0) {
          const at = next(piece.length);
          piece = piece.slice(0, at) + '0aZ9 x*1'.charAt(next(8)) + piece.slice(at + 1);
        }
        text += piece + (glue[next(glue.length)] ?? '');
      }
      expect(extractIdentifiers(text), text).toEqual(extractIdentifiersUnskipped(text));
    }
  });

  it('finds nothing in text without digits or address-shaped tokens', () => {
    for (const text of ['', 'Оплата услуг', 'Перевод на карту Kaspi Gold', '+ - * # х •']) {
      expect(extractIdentifiers(text)).toEqual({ mentions: [], rejected: [] });
    }
  });
});
