/**
 * The seizure packet, built the same way by the app and by `moneytrail packet`: letters per
 * institution (DOCX and PDF), the asset registry, the trace reports, the evidence folder and the
 * verification guide, listed and signed in manifest.json. One ZIP for the case, or one per
 * institution (each carries only its own assets, letters, claims and the reports about them).
 *
 * Trace reports arrive prepared (`TraceReportInput`): re-running a trace needs the case's ledger,
 * which the caller has and this module must not depend on.
 */
import { strToU8 } from 'fflate';
import type { AuditEntry } from '../audit/chain';
import { buildEvidenceFiles, type SourceFileInfo, type TraceClaim } from './evidence';
import { GUIDE_FILE, verificationGuide } from './guide';
import { buildLetters, slugify, type LetterTemplate } from './letters';
import { fingerprint } from './manifest';
import { buildRegistryXlsx } from './registry-xlsx';
import type { SigningKey } from './sign';
import { buildTraceReportPdf } from './trace-report/report-pdf';
import { traceClaims, type TraceReportInput } from './trace-report/input';
import { zipPacket } from './zip';
import type { CaseFacts, FreezeEntry, PacketFonts, PacketLang } from './types';

export type PacketScope = 'case' | 'institution';

/** One trace the register's entries came from, re-run for the report. */
export interface PacketTrace {
  /** Register entry ids whose amounts this trace found. */
  entryIds: string[];
  /** The report about these entries (the caller holds the ledger and re-runs the trace). */
  report: (entries: FreezeEntry[]) => TraceReportInput;
}

export interface PacketInput {
  caseId: string;
  facts: CaseFacts;
  entries: FreezeEntry[];
  lang: PacketLang;
  /** Letter date and every document's creation date: the same inputs give the same bytes. */
  createdAt: Date;
  fonts: PacketFonts;
  template?: LetterTemplate;
  sources: SourceFileInfo[];
  audit: AuditEntry[];
  traces: PacketTrace[];
  key: SigningKey;
}

export interface BuiltPacket {
  /** Suggested file name of the ZIP. */
  name: string;
  institution?: string;
  zip: Uint8Array;
  /** Paths inside the ZIP, manifest.json included. */
  files: string[];
}

export type PacketStep = 'documents' | 'sign';

export async function buildPackets(
  input: PacketInput,
  scope: PacketScope,
  onStep: (step: PacketStep, done: number, total: number) => void = () => {},
): Promise<{ packets: BuiltPacket[]; fingerprint: string }> {
  if (input.entries.length === 0) throw new Error('a seizure packet needs at least one asset');
  const caseSlug = slugify(input.facts.registryNumber || input.facts.title) || 'case';
  const groups =
    scope === 'case'
      ? [{ institution: undefined, entries: input.entries }]
      : [...new Set(input.entries.map((e) => e.institution))].sort().map((institution) => ({
          institution,
          entries: input.entries.filter((e) => e.institution === institution),
        }));
  const packets: BuiltPacket[] = [];
  for (const [i, group] of groups.entries()) {
    onStep('documents', i, groups.length);
    const files = await packetFiles({ ...input, entries: group.entries });
    onStep('sign', i, groups.length);
    const zip = zipPacket(files, input.key);
    const suffix = group.institution ? `-${slugify(group.institution) || 'institution'}` : '';
    packets.push({
      name: `${caseSlug}${suffix}-packet.zip`,
      ...(group.institution ? { institution: group.institution } : {}),
      zip,
      files: [...Object.keys(files), 'manifest.json'].sort(),
    });
  }
  return { packets, fingerprint: fingerprint(input.key.publicKey) };
}

/** Every file of one packet, keyed by path (manifest.json is added when zipping). */
export async function packetFiles(input: PacketInput): Promise<Record<string, Uint8Array>> {
  const ids = new Set(input.entries.map((e) => e.id));
  const traces = input.traces.filter((t) => t.entryIds.some((id) => ids.has(id)));
  const files: Record<string, Uint8Array> = {};
  const letters = await buildLetters(input.entries, input.facts, {
    lang: input.lang,
    date: input.createdAt,
    fonts: input.fonts,
    ...(input.template ? { template: input.template } : {}),
  });
  for (const f of letters) files[f.path] = f.bytes;
  files['registry.xlsx'] = buildRegistryXlsx(input.entries, input.lang);
  const claims: TraceClaim[] = [];
  for (const [i, t] of traces.entries()) {
    const traced = new Set(t.entryIds);
    const report = t.report(input.entries.filter((e) => traced.has(e.id)));
    claims.push(...traceClaims(report));
    files[i === 0 ? 'trace-report.pdf' : `trace-report-${i + 1}.pdf`] = await buildTraceReportPdf(report, {
      lang: input.lang,
      fonts: input.fonts,
      createdAt: input.createdAt,
    });
  }
  const evidence = buildEvidenceFiles({
    entries: input.entries,
    sources: input.sources,
    traceClaims: claims,
    audit: input.audit,
    caseId: input.caseId,
    lang: input.lang,
  });
  for (const f of evidence) files[f.path] = f.bytes;
  files[GUIDE_FILE] = strToU8(verificationGuide(fingerprint(input.key.publicKey)));
  return files;
}
