/**
 * The seizure packet for 500 assets: a synthetic case traced down from its drops, the top 500
 * freezable candidates proposed and approved, then the whole packet built — a letter per
 * institution (DOCX + PDF), the registry, the trace report with paths for every asset, the
 * evidence folder and the signed manifest. Target (issue 8): ≤ 10 s.
 * Floor: signing and zipping the same number of bytes as the packet, without writing documents.
 *   --mode floor|full [--assets N] [--transfers N]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import bins from '../../resources/banks/kz-bins.json';
import ibanCodes from '../../resources/banks/kz-iban-codes.json';
import { applyStep, packetEntryOf, proposalsFromTrace } from '../../shared/freeze';
import { loadBankDirectory } from '../../shared/identifiers/banks';
import { freezeCandidates, traceJson, type TraceAnswer } from '../../shared/investigate';
import { syntheticLedger } from '../../shared/ledger/synthetic';
import { buildPackets } from '../../shared/packet/build';
import { generateSigningKey } from '../../shared/packet/sign';
import { assetRefs, traceReportInput } from '../../shared/packet/trace-report/input';
import { zipPacket } from '../../shared/packet/zip';
import { explain, trace } from '../../shared/trace';
import { arg, report, timed } from '../measure';

const assets = Number(arg('--assets', '500'));
const transfers = Number(arg('--transfers', '1000000'));
const mode = arg('--mode', 'full');

// Resolved like a dependency, so it works from the bundled case in out/bench as well.
const font = (name: string) =>
  new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`)));
const fonts = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };
const banks = loadBankDirectory(bins, ibanCodes);
const key = generateSigningKey(new Uint8Array(32).fill(3));

// The case: a synthetic ledger traced down from every drop, as the app's worker does.
const ledger = syntheticLedger({ transfers });
const request = { from: ['drops'], direction: 'down' as const, method: 'pro-rata' as const };
const result = trace(ledger, { seeds: ledger.roles.drops, direction: 'down', method: 'pro-rata' });
const candidates = freezeCandidates(ledger, result, banks);
const explained = new Set(candidates.slice(0, assets * 2).map((c) => c.node));
const json = traceJson({
  ledger,
  seeds: [{ input: 'drops', nodes: ledger.roles.drops }],
  result,
  paths: (node) => (explained.has(node) ? explain(ledger, result, node, { maxPaths: 3 }) : []),
  candidates,
  patterns: [],
});
const answer: TraceAnswer = {
  ledger,
  seeds: [{ input: 'drops', nodes: ledger.roles.drops }],
  result,
  candidates,
  patterns: [],
  json,
};
let ids = 0;
const { proposed } = proposalsFromTrace(json, request, {
  top: assets * 2,
  legalBasis: 'ст. 161 УПК РК',
  existing: [],
  actor: 'bench',
  at: Date.UTC(2026, 10, 25),
  newId: () => `r${++ids}`,
});
const requests = proposed.slice(0, assets).map((r) => applyStep(r, { to: 'approved' }, 'bench', 0));
const entries = requests.map(packetEntryOf);
const facts = {
  title: 'Синтетическое дело',
  registryNumber: '261750031000123',
  investigator: 'Ахметов Е. С.',
};
const input = {
  caseId: 'bench',
  facts,
  entries,
  lang: 'ru' as const,
  createdAt: new Date(Date.UTC(2026, 10, 25)),
  fonts,
  sources: [...ledger.files.entries()].map(([sha256, name]) => ({ name, size: 1, sha256, importedAt: 0 })),
  audit: [],
  traces: [
    {
      entryIds: requests.map((r) => r.id),
      report: (list: typeof entries) =>
        traceReportInput(answer, request, assetRefs(ledger, list), { case: facts, engine: 'bench' }),
    },
  ],
  key,
};
const institutions = new Set(entries.map((e) => e.institution)).size;

if (mode === 'floor') {
  // The same bytes the full packet has, only hashed, signed and zipped.
  const [built] = (await buildPackets(input, 'case')).packets;
  if (!built) throw new Error('no packet was built');
  const bytes = built.zip.length;
  const blob = { 'blob.bin': new Uint8Array(bytes) };
  const { seconds } = timed(() => zipPacket(blob, key));
  report({ case: 'packet floor (sign + zip same bytes)', rows: entries.length, bytes, seconds });
} else {
  const t0 = process.hrtime.bigint();
  const [packet] = (await buildPackets(input, 'case')).packets;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!packet) throw new Error('no packet was built');
  report({
    case: `seizure packet, ${entries.length} assets`,
    rows: entries.length,
    bytes: packet.zip.length,
    seconds,
    extra: { institutions, files: packet.files.length, zipKiB: Math.round(packet.zip.length / 1024) },
  });
}
