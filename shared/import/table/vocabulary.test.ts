import { describe, expect, it } from 'vitest';
import { headerSignature } from './columns';
import { matchHeader } from './vocabulary';

const role = (caption: string, group?: string) => matchHeader(caption, group)?.role ?? null;

describe('matchHeader', () => {
  it.each([
    ['Дата и время операции', 'date'],
    ['Күні / Дата', 'date'],
    ['POSTING_DATE', 'valueDate'],
    ['Сумма в валюте ее проведения по кредиту', 'credit'],
    ['Сумма в валюте ее проведения по дебету', 'debit'],
    ['Сумма в тенге', 'amountKzt'],
    ['Сумма (тенге)', 'amountKzt'],
    ['Сумма по курсу НБ', 'amountKzt'],
    ['   Сумма', 'amount'],
    ['Сумма (вал.)', 'amount'],
    ['TRANS_AMOUNT', 'amount'],
    ['Дебетовый оборот', 'debit'],
    ['Кредитовый оборот', 'credit'],
    ['Дебет (нац.покрытие)', 'debit'],
    ['Валюта операции', 'currency'],
    ['Виды операции (категория документа)', 'operationType'],
    ['Вид операции (КД)', 'operationType'],
    ['Код назначения платежа', 'knp'],
    ['ТМК / КНП', 'knp'],
    ['Төлем мақсаты / Назначение платежа', 'description'],
    ['Наименование/ФИО плательщика', 'payerName'],
    ['Резиденство получателя', 'recipientResidency'],
    ['Номер счета получателя', 'recipientAccount'],
    ['Наименование дебет', 'payerName'],
    ['Наименование кредит', 'recipientName'],
    ['Наименование бенефициара/отправителя', 'counterpartyName'],
    ['Наименование компании/ФИО', 'counterpartyName'],
    ['БИН/ИИН', 'counterpartyIdNumber'],
    ['Счет-корреспондент', 'counterpartyAccount'],
    ['Корресп. банк', 'counterpartyBank'],
    ['МСС', 'mcc'],
    ['№ п/п', 'rowNumber'],
    ['Date(UTC)', 'date'],
    ['Txn Hash', 'txid'],
    ['Token Symbol', 'token'],
    ['Couterparty', 'counterpartyName'],
    ['Order Type', 'side'],
    ['Total Price', 'fiatAmount'],
    ['Quantity', 'cryptoAmount'],
    ['Инфорация по переводам', null],
  ])('%s → %s', (caption, expected) => {
    expect(role(caption)).toBe(expected);
  });

  it('puts sub-captions under their merged group', () => {
    expect(role('ИИН/БИН', 'Плательщик')).toBe('payerIdNumber');
    expect(role('Номер счета', 'Получатель')).toBe('recipientAccount');
    expect(role('Резидентство', 'Плательщик')).toBe('payerResidency');
    expect(role('Банк', 'Получатель')).toBe('recipientBank');
    expect(role('Наименование/ФИО', 'Плательщик')).toBe('payerName');
  });

  it('scores exact captions above captions found inside longer text', () => {
    expect(matchHeader('Сумма')?.score).toBe(1);
    expect(matchHeader('Сумма…KZT в разрезе')?.score).toBeLessThan(1);
  });
});

describe('headerSignature', () => {
  it('is a stable normalized join, blind to case, ё, punctuation and trailing blanks', () => {
    expect(headerSignature(['Дата  операции', 'Сумма (тенге)', 'Назначение\nплатежа', '', ''])).toBe(
      'дата операции|сумма тенге|назначение платежа',
    );
    expect(headerSignature(['ДАТА ОПЕРАЦИИ'])).toBe(headerSignature(['дата операции:']));
  });
});
