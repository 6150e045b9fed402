import { describe, expect, it } from 'vitest';
import { canonicalJson, chainAuditEntry, verifyAuditChain, type AuditEntry } from './chain';

function sampleLog(): AuditEntry[] {
  const entries: AuditEntry[] = [];
  const actions = ['case.created', 'source.imported', 'trace.run', 'freeze.status-changed'] as const;
  actions.forEach((action, i) => {
    entries.push(
      chainAuditEntry(entries.at(-1), {
        caseId: 'case-1',
        at: 1_764_000_000_000 + i * 60_000,
        actor: 'Ахметов Д. С.',
        action,
        details: { step: i, file: `statement-${i}.xlsx` },
      }),
    );
  });
  return entries;
}

describe('audit hash chain', () => {
  it('verifies an untouched log and reports its head', () => {
    const log = sampleLog();
    expect(verifyAuditChain('case-1', log)).toEqual({ ok: true, entries: 4, headHash: log[3]?.hash });
    expect(log[0]?.seq).toBe(0);
    expect(log[1]?.prevHash).toBe(log[0]?.hash);
  });

  it('detects an edited entry', () => {
    const log = sampleLog();
    log[1] = { ...log[1]!, details: { step: 1, file: 'other.xlsx' } };
    expect(verifyAuditChain('case-1', log)).toMatchObject({ ok: false, seq: 1, problem: 'edited' });
  });

  it('detects an edited entry whose hash was recomputed (the next entry no longer links)', () => {
    const log = sampleLog();
    const { caseId, at, action, details } = log[1]!;
    const forged = chainAuditEntry(log[0], { caseId, at, action, details, actor: 'someone else' });
    log[1] = forged;
    expect(verifyAuditChain('case-1', log)).toMatchObject({
      ok: false,
      seq: 2,
      problem: 'missing-or-reordered',
    });
  });

  it('detects a removed entry', () => {
    const log = sampleLog();
    log.splice(2, 1);
    expect(verifyAuditChain('case-1', log)).toMatchObject({
      ok: false,
      seq: 3,
      problem: 'missing-or-reordered',
    });
  });

  it('detects reordered entries', () => {
    const log = sampleLog();
    [log[1], log[2]] = [log[2]!, log[1]!];
    expect(verifyAuditChain('case-1', log)).toMatchObject({ ok: false, problem: 'missing-or-reordered' });
  });

  it('detects an entry moved in from another case', () => {
    const log = sampleLog();
    expect(verifyAuditChain('case-2', log)).toMatchObject({ ok: false, seq: 0, problem: 'wrong-case' });
  });

  it('hashes independently of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }] })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
  });
});
