/**
 * Field lists of the columnar tables, mirroring shared/model/statement.ts. A field the model
 * gains before this list does is still stored (in the block's `extra`), just less compactly.
 */
import { IDENTIFIER_KINDS } from '../identifiers/types';
import type { RecordSpec } from './blocks';

const ROLES = ['own', 'counterparty', 'description', 'preamble'] as const;

export const TRANSACTION_SPEC: RecordSpec = {
  groups: ['counterparty'],
  fields: [
    { name: 'sheet', type: 'string' },
    { name: 'row', type: 'sequence' },
    { name: 'column', type: 'string', optional: true },
    { name: 'bookedAt', type: 'sequence' },
    { name: 'hasTime', type: 'boolean' },
    { name: 'direction', type: 'string', oneOf: ['in', 'out'] },
    { name: 'amountMinor', type: 'number' },
    { name: 'currency', type: 'string' },
    { name: 'amountKztMinor', type: 'number', optional: true },
    { name: 'description', type: 'string' },
    { name: 'knp', type: 'string', optional: true },
    { name: 'ownAccount', type: 'string', optional: true },
    { name: 'counterparty.name', type: 'string', optional: true },
    { name: 'counterparty.idNumber', type: 'string', optional: true },
    { name: 'counterparty.account', type: 'string', optional: true },
    { name: 'counterparty.bank', type: 'string', optional: true },
    { name: 'counterparty.card', type: 'string', optional: true },
    { name: 'counterparty.phone', type: 'string', optional: true },
    { name: 'counterparty.wallet', type: 'string', optional: true },
    { name: 'balanceMinor', type: 'number', optional: true },
    { name: 'txid', type: 'string', optional: true },
    { name: 'network', type: 'string', optional: true },
    { name: 'orderId', type: 'string', optional: true },
  ],
};

export const MENTION_SPEC: RecordSpec = {
  groups: [],
  fields: [
    { name: 'sheet', type: 'string' },
    { name: 'row', type: 'sequence' },
    { name: 'column', type: 'string', optional: true },
    { name: 'kind', type: 'string', oneOf: IDENTIFIER_KINDS },
    { name: 'value', type: 'string' },
    { name: 'role', type: 'string', oneOf: ROLES },
  ],
};

export const INVALID_SPEC: RecordSpec = {
  groups: [],
  fields: [
    { name: 'sheet', type: 'string' },
    { name: 'row', type: 'sequence' },
    { name: 'column', type: 'string', optional: true },
    { name: 'kind', type: 'string', oneOf: IDENTIFIER_KINDS },
    { name: 'raw', type: 'string' },
    { name: 'reason', type: 'string' },
    { name: 'message', type: 'string' },
  ],
};
