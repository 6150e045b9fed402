import { describe, expect, it } from 'vitest';
import { chainAuditEntry, verifyAuditChain, type AuditEntry } from '../audit/chain';
import { parseCsv } from './csv';
import { buildEvidenceFiles, type EvidenceInput } from './evidence';
import type { FreezeEntry } from './types';

const kaspi = {
  name: '01-kaspi.xlsx',
  size: 48213,
  sha256: 'a'.repeat(64),
  importedAt: Date.UTC(2026, 10, 2, 5, 30),
};
// A name a bank clerk's tools must not split: separator, quotes, a comma and Cyrillic.
const odd = { name: 'выписка; "Halyk", итог.csv', size: 1200, sha256: 'b'.repeat(64), importedAt: 0 };
const unused = { name: 'noise.csv', size: 10, sha256: 'c'.repeat(64), importedAt: 0 };

const entry: FreezeEntry = {
  id: 'f1',
  kind: 'card',
  identifier: '4405 6315 4788 5215',
  holder: 'Касымов А. Б.',
  institution: 'АО «Halyk Bank»',
  amountMinor: 4_255_500_000,
  currency: 'KZT',
  status: 'approved',
  legalBasis: 'ст. 161 УПК РК',
  evidence: [
    { file: kaspi.name, sha256: kaspi.sha256, sheet: 'Выписка', row: 17 },
    { file: odd.name, sha256: odd.sha256, sheet: '', row: 4 },
  ],
};

function audit(caseId: string): AuditEntry[] {
  const a = chainAuditEntry(undefined, {
    caseId,
    at: 1,
    actor: 'Иванов',
    action: 'case.created',
    details: {},
  });
  const b = chainAuditEntry(a, {
    caseId,
    at: 2,
    actor: 'Иванов',
    action: 'source.imported',
    details: { file: odd.name, rows: 12 },
  });
  return [a, b];
}

function build(over: Partial<EvidenceInput> = {}) {
  const files = buildEvidenceFiles({
    entries: [entry],
    sources: [kaspi, odd, unused],
    traceClaims: [{ asset: entry.identifier, rows: [{ ...entry.evidence[0]!, row: 30 }] }],
    audit: audit('case-1'),
    caseId: 'case-1',
    lang: 'ru',
    ...over,
  });
  const text = (path: string) => new TextDecoder().decode(files.find((f) => f.path === path)!.bytes);
  return { files, text };
}

describe('buildEvidenceFiles', () => {
  it('writes the five evidence files', () => {
    expect(build().files.map((f) => f.path)).toEqual([
      'evidence/sources.csv',
      'evidence/claims.csv',
      'evidence/audit-log.jsonl',
      'evidence/AUDIT-CHAIN.txt',
      'evidence/evidence.json',
    ]);
  });

  it('lists only the cited sources, with a BOM, and round-trips a file name with ; and quotes', () => {
    const { files, text } = build();
    const bytes = files[0]!.bytes;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text('evidence/sources.csv'));
    expect(rows[0]).toEqual(['Файл', 'Размер, байт', 'SHA-256', 'Импортирован (Asia/Almaty)']);
    expect(rows[1]).toEqual([kaspi.name, '48213', kaspi.sha256, '02.11.2026 10:30']);
    expect(rows[2]![0]).toBe(odd.name);
    expect(rows[3]).toEqual(['Ещё файлов дела, на которые требования не ссылаются: 1', '', '', '']);
    expect(rows).toHaveLength(4);
    expect(text('evidence/sources.csv')).toContain('"выписка; ""Halyk"", итог.csv"');
  });

  it('has one claims line per asset × row, freeze amount and trace hops alike', () => {
    const rows = parseCsv(build().text('evidence/claims.csv'));
    expect(rows.slice(1)).toEqual([
      [
        entry.identifier,
        'сумма ареста',
        '42\u00a0555\u00a0000,00\u00a0₸',
        kaspi.name,
        'Выписка',
        '17',
        kaspi.sha256,
      ],
      [entry.identifier, 'сумма ареста', '42\u00a0555\u00a0000,00\u00a0₸', odd.name, '', '4', odd.sha256],
      [entry.identifier, 'шаг трассировки', '', kaspi.name, 'Выписка', '30', kaspi.sha256],
    ]);
  });

  it('writes Kazakh captions for a Kazakh packet', () => {
    const rows = parseCsv(build({ lang: 'kk' }).text('evidence/claims.csv'));
    expect(rows[0]).toContain('Тұжырым');
    expect(rows[1]).toContain('тыйым салу сомасы');
  });

  it('keeps the audit log as stored, so the chain re-verifies from the file alone', () => {
    const { text } = build({ audit: [...audit('case-1'), ...audit('other')] });
    const lines = text('evidence/audit-log.jsonl').trimEnd().split('\n');
    const entries = lines.map((l) => JSON.parse(l) as AuditEntry);
    expect(entries).toEqual(audit('case-1'));
    expect(verifyAuditChain('case-1', entries)).toMatchObject({ ok: true, entries: 2 });
    const chain = text('evidence/AUDIT-CHAIN.txt');
    expect(
      chain
        .split('\n')
        .slice(0, 5)
        .every((l) => l.length > 20),
    ).toBe(true);
    expect(chain).toContain(`last hash: ${entries[1]!.hash}`);
  });

  it('says in evidence.json what the CSV files say, and whether the chain is intact', () => {
    const json = JSON.parse(build().text('evidence/evidence.json'));
    expect(json.sources.map((s: { name: string }) => s.name)).toEqual([kaspi.name, odd.name]);
    expect(json.otherSources).toBe(1);
    expect(json.claims).toHaveLength(3);
    expect(json.claims[2]).toEqual({
      asset: entry.identifier,
      claim: 'trace-hop',
      file: kaspi.name,
      sheet: 'Выписка',
      row: 30,
      sha256: kaspi.sha256,
    });
    expect(json.audit).toMatchObject({ entries: 2, chainIntact: true });
    const tampered = audit('case-1');
    tampered[1] = { ...tampered[1]!, actor: 'someone else' };
    expect(JSON.parse(build({ audit: tampered }).text('evidence/evidence.json')).audit).toMatchObject({
      chainIntact: false,
      brokenAt: 1,
    });
  });

  it('names a cited file the case list lacks by the name the claim gives', () => {
    const rows = parseCsv(build({ sources: [] }).text('evidence/sources.csv'));
    expect(rows.slice(1).map((r) => r[0])).toEqual([kaspi.name, odd.name]);
  });
});
