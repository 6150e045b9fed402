/**
 * `moneytrail packet CASE --from IDENTIFIER --out PACKET.zip [--top N] [--lang ru|kk]`: traces
 * from the seed(s), takes the top freeze candidates as approved requests, and writes the same
 * signed seizure packet the app's Freeze tab makes. The export is recorded in the case's audit
 * log (the case file is rewritten atomically), so the packet's audit excerpt includes it.
 */
import { basename, dirname, join } from 'node:path';
import { chainAuditEntry } from '../../shared/audit/chain';
import {
  applyStep,
  DEFAULT_LEGAL_BASIS,
  packetEntryOf,
  packetTraces,
  proposalsFromTrace,
} from '../../shared/freeze';
import { runTrace, SeedNotFoundError } from '../../shared/investigate';
import { buildPackets, type PacketScope } from '../../shared/packet/build';
import { slugify } from '../../shared/packet/letters';
import type { PacketLang } from '../../shared/packet/types';
import type { TraceDirection, TraceMethod } from '../../shared/trace';
import { oneOf, parse, stringOption, UsageError } from '../args';
import { bankDirectory } from '../banks';
import { loadCase, saveCaseAtomically, writeFileAtomically } from '../case-store';
import { casePassphrase, passphraseOption } from '../passphrase';
import { packetFonts } from '../fonts';
import type { CliIo } from '../io';
import { defaultKeyPath, KeyFileError, loadOrCreateKey } from '../signing-key';
import { PACKET_USAGE } from '../usage';
import { CLI_VERSION } from '../version';

export async function packetCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    from: { type: 'string', multiple: true },
    out: { type: 'string' },
    top: { type: 'string' },
    lang: { type: 'string' },
    method: { type: 'string' },
    direction: { type: 'string' },
    'per-institution': { type: 'boolean' },
    key: { type: 'string' },
    basis: { type: 'string' },
    actor: { type: 'string' },
    'registry-number': { type: 'string' },
    investigator: { type: 'string' },
    position: { type: 'string' },
    organisation: { type: 'string' },
    city: { type: 'string' },
    ...passphraseOption,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(PACKET_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('packet needs exactly one CASE');
  const from = (values.from as unknown as string[] | undefined) ?? [];
  if (from.length === 0) throw new UsageError('packet needs at least one --from IDENTIFIER');
  const out = stringOption(values.out);
  if (!out) throw new UsageError('packet needs --out PACKET.zip');
  const topText = stringOption(values.top) ?? '10';
  if (!/^\d+$/.test(topText) || Number(topText) < 1)
    throw new UsageError(`--top must be a whole number of 1 or more (got "${topText}")`);
  const top = Number(topText);
  const lang = oneOf(stringOption(values.lang) ?? 'ru', ['ru', 'kk'] as const, '--lang') as PacketLang;
  const method = oneOf(
    stringOption(values.method) ?? 'pro-rata',
    ['pro-rata', 'fifo', 'lifo'] as const,
    '--method',
  );
  const direction = oneOf(stringOption(values.direction) ?? 'down', ['down', 'up'] as const, '--direction');
  const scope: PacketScope = values['per-institution'] ? 'institution' : 'case';
  const actor = stringOption(values.actor) ?? io.actor();
  const casePath = positionals[0] as string;
  const passphrase = casePassphrase(values, io);

  let data;
  let sealed;
  try {
    ({ data, sealed } = await loadCase(casePath, passphrase));
  } catch (e) {
    io.err(`moneytrail: cannot open case ${casePath}: ${(e as Error).message}\n`);
    return 1;
  }
  let key;
  const keyPath = stringOption(values.key) ?? defaultKeyPath();
  try {
    const loaded = loadOrCreateKey(keyPath);
    key = loaded.key;
    if (loaded.created) io.err(`moneytrail packet: made a new signing key in ${keyPath}\n`);
  } catch (e) {
    const why =
      e instanceof KeyFileError
        ? e.message
        : `cannot use the signing key ${keyPath}: ${(e as Error).message}`;
    io.err(`moneytrail packet: ${why}\n`);
    return 1;
  }

  const banks = bankDirectory();
  const origin = { from, direction: direction as TraceDirection, method: method as TraceMethod };
  let answer;
  try {
    answer = runTrace({ sources: data.sources, decisions: data.decisions ?? [] }, origin, banks);
  } catch (e) {
    if (e instanceof SeedNotFoundError) {
      io.err(`moneytrail packet: ${e.problems.map((p) => p.problem).join('\n')}\n`);
      return 1;
    }
    throw e;
  }
  const now = io.now();
  const { proposed, skipped } = proposalsFromTrace(answer.json, origin, {
    top,
    legalBasis: stringOption(values.basis) ?? DEFAULT_LEGAL_BASIS[lang],
    existing: [],
    actor,
    at: now,
    newId: io.newId,
  });
  if (proposed.length === 0) {
    io.err(`moneytrail packet: the trace found no place that an institution could freeze\n`);
    return 1;
  }
  const requests = proposed.map((r) => applyStep(r, { to: 'approved' }, actor, now));
  // Who signs: the case's own facts unless the command line gives them.
  const optional = (name: 'position' | 'organisation' | 'city') => {
    const value = stringOption(values[name]);
    return value ? { [name]: value } : {};
  };
  const facts = {
    title: data.case.title,
    registryNumber: stringOption(values['registry-number']) ?? data.case.registryNumber,
    investigator: stringOption(values.investigator) ?? data.case.investigator,
    ...optional('position'),
    ...optional('organisation'),
    ...optional('city'),
  };
  if (!facts.registryNumber)
    io.err(
      'moneytrail packet: the case has no ЕРДР number; the letters leave it blank (--registry-number)\n',
    );

  // The export goes into the case's audit log first, so the packet carries the entry.
  const audit = [...data.audit];
  audit.push(
    chainAuditEntry(audit.at(-1), {
      caseId: data.case.id,
      at: now,
      actor,
      action: 'packet.exported',
      details: {
        from,
        top,
        lang,
        scope,
        assets: requests.map((r) => r.key),
        tool: `moneytrail-cli ${CLI_VERSION}`,
      },
    }),
  );
  const { packets, fingerprint } = await buildPackets(
    {
      caseId: data.case.id,
      facts,
      entries: requests.map(packetEntryOf),
      lang,
      createdAt: new Date(now),
      fonts: packetFonts(),
      sources: data.sources.map((s) => ({
        name: s.source.name,
        size: s.source.size,
        sha256: s.source.sha256,
        importedAt: s.source.importedAt,
      })),
      audit,
      traces: packetTraces(answer.ledger, requests, banks, {
        facts,
        engine: `moneytrail-cli ${CLI_VERSION}`,
      }),
      key,
    },
    scope,
  );
  const written: string[] = [];
  try {
    for (const p of packets) {
      // Per institution: PACKET-<institution>.zip beside the --out name.
      const path = p.institution
        ? join(dirname(out), `${basename(out, '.zip')}-${slugify(p.institution)}.zip`)
        : out;
      writeFileAtomically(path, p.zip);
      written.push(path);
    }
    await saveCaseAtomically(casePath, { ...data, audit }, now, sealed ? passphrase : undefined);
  } catch (e) {
    io.err(`moneytrail packet: cannot write ${out}: ${(e as Error).message}\n`);
    return 1;
  }
  const lines = [
    ...written.map((w) => `wrote ${w}`),
    `assets: ${requests.length}${skipped.length ? ` (${skipped.length} candidate(s) skipped: ${skipped.map((s) => `${s.key} ${s.reason}`).join(', ')})` : ''}`,
    `signer fingerprint: ${fingerprint}`,
  ];
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
