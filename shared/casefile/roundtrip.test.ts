import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportedTransaction, StatementImport } from '../model/statement';
import { BLOCK_ROWS, readCaseFile, writeCaseFile } from './index';
import { sampleAudit, sampleCase, sampleCaseData, sourceA } from './test-fixtures';

describe('case file round trip', () => {
  it('reads back exactly what was written, unicode and every optional field included', () => {
    const data = sampleCaseData();
    const back = readCaseFile(writeCaseFile(data));
    expect(back).toStrictEqual(data);
  });

  it('writes the documented manifest', () => {
    const zip = unzipSync(
      writeCaseFile(sampleCaseData(), { createdAt: 42, app: { name: 'cli', version: '9' } }),
    );
    expect(Object.keys(zip)[0]).toBe('manifest.json');
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!));
    expect(manifest).toMatchObject({
      format: 'moneytrail-case',
      formatVersion: 1,
      createdAt: 42,
      app: { name: 'cli', version: '9' },
      case: sampleCase(),
      encryption: null,
    });
    expect(Object.keys(manifest.tables).sort()).toEqual([
      'audit',
      'invalid/000001',
      'mentions/000001',
      'sources',
      'transactions/000001',
    ]);
    expect(manifest.tables['transactions/000001']).toMatchObject({
      file: 'transactions/000001.json',
      rows: 4,
    });
    expect(manifest.tables.sources).toMatchObject({ file: 'sources.ndjson', rows: 2 });
  });

  it('is deterministic for the same data and createdAt', () => {
    const data = sampleCaseData();
    expect(writeCaseFile(data, { createdAt: 1 })).toEqual(writeCaseFile(data, { createdAt: 1 }));
  });

  it('round-trips an empty case', () => {
    const kase = sampleCase();
    const data = { case: kase, sources: [], audit: [] };
    expect(readCaseFile(writeCaseFile(data))).toStrictEqual(data);
  });

  it('keeps properties the model does not know yet, on records and nested objects', () => {
    const s = sourceA();
    const t = s.transactions[0] as ImportedTransaction & Record<string, unknown>;
    t.futureField = { nested: [1, 'два'] };
    (t.counterparty as Record<string, unknown>).swift = 'CASPKZKA';
    (s as StatementImport & { parser: string }).parser = 'v2';
    (s.source as unknown as Record<string, unknown>).note = 'x';
    const kase = { ...sampleCase(), tags: ['a'] };
    const data = { case: kase, sources: [s], audit: sampleAudit(kase, [s]) };
    expect(readCaseFile(writeCaseFile(data))).toStrictEqual(data);
  });

  it('splits large tables into blocks across source boundaries and reassembles them in order', () => {
    const a = sourceA();
    const b = { ...sourceA(), source: { ...sourceA().source, sha256: 'c'.repeat(64), name: 'second.xlsx' } };
    const base = a.transactions[1]!;
    const many = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...base,
        row: i + 2,
        amountMinor: i + offset,
        description: `d${i % 7}`,
      }));
    a.transactions = many(BLOCK_ROWS - 10, 0);
    b.transactions = many(BLOCK_ROWS + 20, 1_000_000);
    const kase = sampleCase();
    const data = { case: kase, sources: [a, b], audit: sampleAudit(kase, [a, b]) };
    const bytes = writeCaseFile(data);
    const manifest = JSON.parse(strFromU8(unzipSync(bytes)['manifest.json']!));
    expect(manifest.tables['transactions/000003'].rows).toBe(10);
    expect(readCaseFile(bytes)).toStrictEqual(data);
  });

  it('refuses data it could not read back faithfully', () => {
    const bad = sampleCaseData();
    (bad.sources[0]!.transactions[1] as unknown as Record<string, unknown>).amountMinor = Number.NaN;
    expect(() => writeCaseFile(bad)).toThrow(
      /transactions #1 of Kaspi выписка\.xlsx: amountMinor must be a number/,
    );

    // Two faults: the message names the first field in the block's field order, not the first row.
    const two = sampleCaseData();
    delete (two.sources[0]!.transactions[0] as unknown as Record<string, unknown>).currency;
    (two.sources[0]!.transactions[1] as unknown as Record<string, unknown>).amountMinor = '5';
    expect(() => writeCaseFile(two)).toThrow(
      /transactions #1 of Kaspi выписка\.xlsx: amountMinor must be a number/,
    );

    const dup = sampleCaseData();
    dup.sources.push(dup.sources[0]!);
    expect(() => writeCaseFile(dup)).toThrow(/appears twice/);

    const broken = sampleCaseData();
    broken.audit.splice(1, 1);
    expect(() => writeCaseFile(broken)).toThrow(/audit log is broken/);
  });
});

describe('decisions in case files', () => {
  it('round-trip the investigator’s merge/split decisions, and files without them still open', () => {
    const data = sampleCaseData();
    const withDecisions = {
      ...data,
      decisions: [
        {
          id: 'd1',
          action: 'merge' as const,
          keys: ['card:4400430012345678', 'card_masked:440043******5678'],
          reason: 'ответ банка',
          actor: 'A',
          at: 5,
        },
      ],
    };
    expect(readCaseFile(writeCaseFile(withDecisions, { createdAt: 1 }))).toEqual(withDecisions);
    expect(readCaseFile(writeCaseFile(data, { createdAt: 1 })).decisions).toBeUndefined();
  });
});
