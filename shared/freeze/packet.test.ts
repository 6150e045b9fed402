/**
 * The register → packet path on the demo case, as the app's worker and `moneytrail packet` run
 * it: propose the top candidates of a trace, approve them, re-run the trace for the report, build
 * one packet for the case and one per institution, and verify each.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import bins from '../../resources/banks/kz-bins.json';
import ibanCodes from '../../resources/banks/kz-iban-codes.json';
import { generateSigningKey } from '../packet/sign';
import { buildPackets, type PacketInput } from '../packet/build';
import { loadDejaVu } from '../packet/pdf/poppler.test-support';
import { CASE, demoTrace } from '../packet/trace-report/demo.test-support';
import { verifyPacket } from '../packet/verify';
import { loadBankDirectory } from '../identifiers/banks';
import { applyStep } from './workflow';
import { packetEntryOf } from './packet-entry';
import { packetTraces } from './packet-input';
import { proposalsFromTrace } from './propose';
import type { FreezeRequest } from './types';

const key = generateSigningKey(new Uint8Array(32).fill(7));
let requests: FreezeRequest[] = [];
let input: PacketInput;

beforeAll(() => {
  const { answer, sources } = demoTrace();
  const origin = { from: ['8 702 945 68 70'], direction: 'down' as const, method: 'pro-rata' };
  let ids = 0;
  const { proposed } = proposalsFromTrace(answer.json, origin, {
    top: 6,
    legalBasis: 'ст. 161 УПК РК',
    existing: [],
    actor: 'Ахметов',
    at: Date.UTC(2026, 10, 25),
    newId: () => `r${++ids}`,
  });
  requests = proposed.map((r) => applyStep(r, { to: 'approved' }, 'Нурланов', Date.UTC(2026, 10, 25, 1)));
  const banks = loadBankDirectory(bins, ibanCodes);
  input = {
    caseId: 'case-1',
    facts: CASE,
    entries: requests.map(packetEntryOf),
    lang: 'ru',
    createdAt: new Date(Date.UTC(2026, 10, 25, 6)),
    fonts: loadDejaVu(),
    sources: sources.map((s) => ({
      name: s.source.name,
      size: s.source.size,
      sha256: s.source.sha256,
      importedAt: 0,
    })),
    audit: [],
    traces: packetTraces(answer.ledger, requests, banks, { facts: CASE, engine: 'MoneyTrail test' }),
    key,
  };
}, 120_000);

describe('seizure packet from the freeze register', () => {
  it('proposes freezable places of the demo trace: the collector’s card and the organizers’ USDT', () => {
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(requests.map((r) => r.currency)).toContain('USDT');
    expect(requests.every((r) => r.evidence.length > 0)).toBe(true);
  });

  it('builds one packet for the case that verifies, with every part of the packet', async () => {
    const { packets, fingerprint } = await buildPackets(input, 'case');
    expect(packets).toHaveLength(1);
    const [packet] = packets;
    expect(verifyPacket(packet!.zip)).toEqual({ ok: true, fingerprint });
    const names = Object.keys(unzipSync(packet!.zip));
    expect(names).toEqual(
      expect.arrayContaining(['manifest.json', 'VERIFY.txt', 'registry.xlsx', 'trace-report.pdf']),
    );
    const institutions = new Set(requests.map((r) => r.institution));
    expect(names.filter((n) => n.startsWith('letters/') && n.endsWith('.pdf'))).toHaveLength(
      institutions.size,
    );
    expect(names.filter((n) => n.startsWith('letters/') && n.endsWith('.docx'))).toHaveLength(
      institutions.size,
    );
    expect(names.some((n) => n.startsWith('evidence/'))).toBe(true);
    expect(packet!.name).toBe('247500031000123-packet.zip');
  }, 120_000);

  it('splits per institution: each packet carries only its own letters and verifies', async () => {
    const { packets } = await buildPackets(input, 'institution');
    const institutions = [...new Set(requests.map((r) => r.institution))].sort();
    expect(packets.map((p) => p.institution)).toEqual(institutions);
    for (const p of packets) {
      expect(verifyPacket(p.zip).ok).toBe(true);
      expect(p.files.filter((f) => f.startsWith('letters/'))).toHaveLength(2);
    }
  }, 120_000);

  it('is detected when any file is changed after signing', async () => {
    const { packets } = await buildPackets(input, 'case');
    const zip = packets[0]!.zip;
    const files = unzipSync(zip);
    const { zipSync } = await import('fflate');
    const registry = files['registry.xlsx']!;
    registry[registry.length - 30] = (registry[registry.length - 30]! + 1) % 256;
    const result = verifyPacket(zipSync(files));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.altered).toEqual(['registry.xlsx']);
  }, 120_000);
});
