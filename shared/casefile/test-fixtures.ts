/**
 * Hand-built CaseData for tests of the case file, the summary and the CLI: two sources covering
 * every optional field (present on some rows, absent on others), unicode names and a valid audit chain.
 */
import { chainAuditEntry, type AuditEntry } from '../audit/chain';
import type { Case } from '../model/case';
import type { ImportedTransaction, StatementImport } from '../model/statement';
import type { CaseData } from './types';

export const SHA_A = 'a'.repeat(64);
export const SHA_B = 'b'.repeat(64);

const T0 = Date.UTC(2025, 10, 25, 12, 9);

export function sampleCase(): Case {
  return {
    id: 'case-1',
    title: 'Магазин «Снежок», Алматы — Қазақстан 🇰🇿',
    registryNumber: '251500031000123',
    investigator: 'Ержанов Е.',
    createdAt: T0,
    updatedAt: T0 + 1000,
  };
}

function tx(row: number, patch: Partial<ImportedTransaction>): ImportedTransaction {
  return {
    sheet: 'Выписка',
    row,
    bookedAt: T0 + row * 60_000,
    hasTime: true,
    direction: 'in',
    amountMinor: 500050,
    currency: 'KZT',
    description: `Перевод №${row}`,
    counterparty: {},
    ...patch,
  };
}

export function sourceA(): StatementImport {
  return {
    source: {
      sha256: SHA_A,
      name: 'Kaspi выписка.xlsx',
      size: 12345,
      format: 'xlsx',
      importedAt: T0 + 5000,
      importerVersion: 1,
    },
    accounts: [
      {
        sheet: 'Выписка',
        row: 8,
        bankName: 'Kaspi Bank',
        holderName: 'Иванов Иван',
        card: '4400430000001234',
        currency: 'KZT',
        periodFrom: T0,
        periodTo: T0 + 86_400_000,
        openingBalanceMinor: 0,
        closingBalanceMinor: 100,
      },
    ],
    transactions: [
      tx(8, {
        column: 'F',
        amountKztMinor: 500050,
        knp: '119',
        ownAccount: '4400430000001234',
        counterparty: {
          name: 'ТОО «Ромашка»',
          idNumber: '123456789012',
          account: 'KZ86125KZT5004100100',
          bank: 'Halyk',
          card: '440043******5678',
          phone: '+77011234567',
          wallet: 'TXYZ',
        },
        balanceMinor: 500050,
        txid: 'abc',
        network: 'TRC20',
      }),
      tx(9, { direction: 'out', amountMinor: 100000, hasTime: false }),
      tx(10, { currency: 'USD', amountMinor: 2500, description: '' }),
    ],
    rejected: [{ sheet: 'Выписка', row: 11, column: 'C', reason: 'date' }],
    mentions: [
      { sheet: 'Выписка', row: 8, column: 'D', kind: 'card', value: '4400430000001234', role: 'own' },
      { sheet: 'Выписка', row: 8, kind: 'phone', value: '+77011234567', role: 'counterparty' },
      { sheet: 'Выписка', row: 9, kind: 'card_masked', value: '440043******1234', role: 'description' },
    ],
    invalid: [
      {
        sheet: 'Выписка',
        row: 9,
        column: 'E',
        kind: 'card',
        raw: '4400 4300 0000 1235',
        reason: 'luhn',
        message: 'Luhn check failed',
      },
    ],
    checks: [
      { kind: 'balance', ok: true, sheet: 'Выписка', rows: [], message: 'ok' },
      { kind: 'running-balance', ok: false, sheet: 'Выписка', rows: [9, 10], message: 'mismatch' },
    ],
    mappings: [
      {
        sheet: 'Выписка',
        headerRows: [7],
        signature: 'дата|сумма',
        columns: [
          { column: 'A', caption: 'Дата', role: 'date', confidence: 1 },
          { column: 'B', caption: '?', role: null, confidence: 0 },
        ],
      },
    ],
    rows: { transactions: 3, rejected: 1, preamble: 6, header: 1, totals: 1, blank: 0, other: 0 },
    warnings: [{ sheet: 'Выписка', row: 10, reason: 'currency inferred' }],
  };
}

export function sourceB(): StatementImport {
  return {
    source: {
      sha256: SHA_B,
      name: 'halyk.csv',
      size: 99,
      format: 'csv',
      encoding: 'windows-1251',
      importedAt: T0 + 6000,
      importerVersion: 1,
    },
    accounts: [],
    transactions: [tx(2, { sheet: 'halyk.csv', direction: 'out', amountMinor: 1 })],
    rejected: [],
    mentions: [
      { sheet: 'halyk.csv', row: 2, kind: 'card_masked', value: '440043******1234', role: 'counterparty' },
      { sheet: 'halyk.csv', row: 2, kind: 'iin', value: '900101300123', role: 'description' },
    ],
    invalid: [],
    checks: [],
    mappings: [],
    rows: { transactions: 1, rejected: 0, preamble: 0, header: 1, totals: 0, blank: 2, other: 0 },
    warnings: [],
  };
}

export function sampleAudit(kase: Case, sources: readonly StatementImport[]): AuditEntry[] {
  const audit: AuditEntry[] = [];
  audit.push(
    chainAuditEntry(undefined, {
      caseId: kase.id,
      at: kase.createdAt,
      actor: 'тест',
      action: 'case.created',
      details: { title: kase.title },
    }),
  );
  for (const s of sources) {
    audit.push(
      chainAuditEntry(audit.at(-1), {
        caseId: kase.id,
        at: s.source.importedAt,
        actor: 'тест',
        action: 'source.imported',
        details: { sha256: s.source.sha256, name: s.source.name },
      }),
    );
  }
  return audit;
}

export function sampleCaseData(): CaseData {
  const kase = sampleCase();
  const sources = [sourceA(), sourceB()];
  return { case: kase, sources, audit: sampleAudit(kase, sources) };
}
