import { describe, expect, it } from 'vitest';
import { importStatement } from './import-statement';
import { utf8 } from './test-support';
import { BINANCE_P2P_HEADER } from '../table/bank-headers';

const HEADER = 'Date(UTC),Coin,Network,Amount,TransactionFee,Address,TXID,Status';
const WALLET = 'TAo1a7ee3w7GN6mXp2D9BbTPXKkaZ32qEG';
const TXID = '0fc4aab873016721609886c924403a35e52793a4cf26635ccf74ab2a45e143d9';
const ROW = `2024-09-03 05:12:44,USDT,TRX,1882.20,1,${WALLET},${TXID},Completed`;

describe('exchange withdrawal and deposit histories', () => {
  it('reads a withdrawal history as money leaving to the address, which is the counterparty', () => {
    const result = importStatement(utf8(`${HEADER}\n${ROW}\n`), 'binance-withdrawal-history.csv', {
      importedAt: 0,
    });
    expect(result.transactions).toHaveLength(1);
    const [tx] = result.transactions;
    expect(tx).toMatchObject({ direction: 'out', amountMinor: 1_882_200_000, currency: 'USDT', txid: TXID });
    expect(tx?.ownAccount).toBeUndefined();
    expect(result.mentions).toEqual([
      {
        sheet: 'binance-withdrawal-history.csv',
        row: 2,
        column: 'F',
        kind: 'tron',
        value: WALLET,
        role: 'counterparty',
      },
    ]);
    expect(result.mappings[0]?.columns.find((c) => c.column === 'F')?.role).toBe('toAddress');
    expect(result.warnings[0]?.reason).toMatch(/withdrawal/);
  });

  it('reads a deposit history as money arriving at the own deposit address', () => {
    const result = importStatement(utf8(`${HEADER}\n${ROW}\n`), 'deposit-history.csv', { importedAt: 0 });
    expect(result.transactions[0]).toMatchObject({ direction: 'in', ownAccount: WALLET });
  });

  it('leaves a list whose name says nothing to the usual rules', () => {
    const result = importStatement(utf8(`${HEADER}\n${ROW}\n`), 'export.csv', { importedAt: 0 });
    expect(result.warnings.some((w) => /withdrawal|deposit/.test(w.reason))).toBe(false);
  });

  it('keeps the P2P order number, which the payer’s bank row names', () => {
    const csv = `${BINANCE_P2P_HEADER.join(',')}\n22598985007529586642,Buy,USDT,KZT,490000.00,492.07,995.79,USDT_Fast_KZ,Completed,2024-09-03 10:24:00\n`;
    const result = importStatement(utf8(csv), 'p2p.csv', { importedAt: 0 });
    expect(result.transactions[0]).toMatchObject({ orderId: '22598985007529586642', currency: 'USDT' });
  });
});

describe('statement header phone', () => {
  it('keeps the holder’s phone from the header: transfers by phone reach the account by it', () => {
    const csv = [
      'Клиент:;Иванов Иван Иванович',
      'Номер карты:;4400430396052679',
      'Телефон:;+7 702 945 68 70',
      '',
      'Дата;Сумма;Описание',
      '01.09.2024 10:00:00;5000,00;Пополнение',
    ].join('\n');
    const result = importStatement(utf8(csv), 'kaspi.csv', { importedAt: 0 });
    expect(result.accounts[0]).toMatchObject({ card: '4400430396052679', phone: '+7 702 945 68 70' });
    expect(result.mentions).toContainEqual(
      expect.objectContaining({ kind: 'phone', value: '+77029456870', role: 'preamble', row: 3 }),
    );
  });
});
