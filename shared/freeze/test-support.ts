import type { TraceJson } from '../investigate/trace-json';
import type { FreezeRequest } from './types';

const ev = (row: number) => ({ file: 'kaspi.xlsx', sha256: 'ab'.repeat(32), sheet: 'Лист1', row });
const hop = (row: number) => ({ evidence: [ev(row)] });

/** A trace answer shaped like `traceJson` output, trimmed to what proposing reads. */
export function traceJsonFixture(): TraceJson {
  const candidate = (key: string, value: string, amount: number, extra: Record<string, unknown>) => ({
    kind: key.slice(0, key.indexOf(':')),
    value,
    key,
    amountMinor: amount,
    nativeAmountMinor: amount,
    nativeCurrency: 'KZT',
    institution: 'АО «Kaspi Bank»',
    institutionKind: 'bank',
    ...extra,
  });
  return {
    currency: 'KZT',
    reached: [
      { key: 'card:4400430396052679', paths: [{ hops: [hop(3), hop(7)] }, { hops: [hop(9)] }] },
      { key: 'tron:TXyzExampleWallet', paths: [{ hops: [hop(2), { evidence: [ev(11), ev(11)] }] }] },
    ],
    freezeCandidates: [
      candidate('card:4400430396052679', '4400430396052679', 1_250_000_00, {
        holder: 'Иванов И.',
        holderId: '900101300123',
      }),
      candidate('tron:TXyzExampleWallet', 'TXyzExampleWallet', 3_000_000_00, {
        nativeAmountMinor: 5_900_000_000,
        nativeCurrency: 'USDT',
        institution: 'Tether Operations Ltd. (USDT issuer)',
        institutionKind: 'issuer',
      }),
      candidate('btc:bc1qexample', 'bc1qexample', 10_00, { institution: '', institutionKind: 'none' }),
      candidate('name:Кто-то', 'Кто-то', 5_00, {}),
    ],
  } as unknown as TraceJson;
}

export function requestFixture(overrides: Partial<FreezeRequest> = {}): FreezeRequest {
  return {
    id: 'r1',
    key: 'card:4400430396052679',
    kind: 'card',
    identifier: '4400430396052679',
    holder: 'Иванов И.',
    institution: 'АО «Kaspi Bank»',
    institutionKind: 'bank',
    amountMinor: 1_250_000_00,
    currency: 'KZT',
    tracedMinor: 1_250_000_00,
    amountReason: '',
    legalBasis: 'ст. 161 УПК РК',
    evidence: [],
    status: 'proposed',
    history: [{ status: 'proposed', at: 1, actor: 'Ахметов', details: {} }],
    ...overrides,
  };
}
