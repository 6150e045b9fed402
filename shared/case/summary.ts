import { findPeriodGaps, statementPeriods } from './statement-gaps';
/**
 * summarizeCase: what a case holds, per file and per identifier, with every figure traceable to
 * file, sheet and row. Pure and deterministic: the same case gives byte-identical JSON.
 */
import type { CaseData } from '../casefile/types';
import {
  distinctIdentifierCount,
  IDENTIFIER_KINDS,
  resolveEntities,
  type ResolveMention,
} from '../identifiers';
import type { MentionRole, StatementImport } from '../model/statement';
import type {
  CaseSummary,
  IdentifierSummary,
  InvalidSummary,
  MentionLocation,
  SourceSummary,
} from './summary-types';
import { currencyTotals } from './totals';

export type * from './summary-types';
export { minorToMajor } from './totals';

interface Ref {
  file: string;
  sha256: string;
  sheet: string;
  row: number;
  role: MentionRole;
}

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
const kindOrder = new Map(IDENTIFIER_KINDS.map((k, i) => [k, i]));

export function summarizeCase(data: CaseData): CaseSummary {
  const { id, title, registryNumber, investigator } = data.case;
  const resolution = resolveEntities(data.sources.flatMap(resolveMentions));

  const identifiers: IdentifierSummary[] = resolution.entities.map((e) => ({
    kind: e.kind,
    value: e.value,
    mentions: locations(e.refs),
  }));

  const resolutions: CaseSummary['resolutions'] = [];
  const ambiguous: CaseSummary['ambiguous'] = [];
  for (const e of resolution.entities) {
    if (e.resolution?.status === 'resolved') resolutions.push({ masked: e.value, card: e.resolution.card });
    if (e.resolution?.status === 'ambiguous')
      ambiguous.push({ masked: e.value, candidates: e.resolution.candidates });
  }

  return {
    case: { id, title, registryNumber, investigator },
    sources: data.sources.map(summarizeSource),
    identifiers,
    invalid: invalidList(data.sources),
    resolutions,
    ambiguous,
    periodGaps: findPeriodGaps(
      statementPeriods(
        data.sources.map((s) => ({ sha256: s.source.sha256, name: s.source.name, accounts: s.accounts })),
      ),
    ).map((gap) => ({
      kind: gap.kind,
      account: gap.account,
      from: almatyDate(gap.from),
      to: almatyDate(gap.to),
      days: gap.days,
      files: [gap.before.file, gap.after.file],
    })),
  };
}

/** Period bounds are local midnights in Asia/Almaty (UTC+5/+6): shifting by 6 h lands inside the day. */
function almatyDate(epochMs: number): string {
  return new Date(epochMs + 6 * 3_600_000).toISOString().slice(0, 10);
}

function summarizeSource(s: StatementImport): SourceSummary {
  return {
    file: s.source.name,
    sha256: s.source.sha256,
    rows: s.transactions.length,
    rejected: s.rejected.map(({ sheet, row, reason, column }) =>
      column === undefined ? { sheet, row, reason } : { sheet, row, reason, column },
    ),
    totals: currencyTotals(s.transactions),
    format: s.source.format,
    importedAt: s.source.importedAt,
    identifiers: distinctIdentifierCount(s.mentions),
    invalid: s.invalid.length,
    warnings: s.warnings.length,
    checksFailed: s.checks
      .filter((c) => !c.ok)
      .map(({ kind, sheet, rows, message }) => ({ kind, sheet, rows, message })),
  };
}

/**
 * The statement's own holder name travels with its own-card mentions, so the resolver can refuse
 * to tie a mask to a card printed under a different name. Only when one account is on the sheet:
 * otherwise which holder a mention belongs to would be a guess.
 */
function resolveMentions(s: StatementImport): ResolveMention<Ref>[] {
  const holders = new Map<string, string | null>();
  for (const a of s.accounts) holders.set(a.sheet, holders.has(a.sheet) ? null : (a.holderName ?? null));
  return s.mentions.map((m) => {
    const own = m.role === 'own' || m.role === 'preamble';
    return {
      kind: m.kind,
      value: m.value,
      ref: { file: s.source.name, sha256: s.source.sha256, sheet: m.sheet, row: m.row, role: m.role },
      holder: own ? (holders.get(m.sheet) ?? null) : null,
    };
  });
}

/** Past this many refs an identifier's places are found with a map; below, by looking back. */
const FEW_REFS = 16;

function locations(refs: readonly Ref[]): MentionLocation[] {
  // Most identifiers are named on a handful of rows: comparing fields beats building a key per ref.
  const out: MentionLocation[] = [];
  const byPlace = refs.length > FEW_REFS ? new Map<string, MentionLocation>() : null;
  for (const r of refs) {
    const key = byPlace ? `${r.sha256}\u0000${r.sheet}\u0000${r.row}` : '';
    let place = byPlace
      ? byPlace.get(key)
      : out.find((p) => p.row === r.row && p.sheet === r.sheet && p.sha256 === r.sha256);
    if (!place) {
      place = { file: r.file, sheet: r.sheet, row: r.row, sha256: r.sha256, roles: [r.role] };
      out.push(place);
      byPlace?.set(key, place);
    } else if (!place.roles.includes(r.role)) place.roles.push(r.role);
  }
  for (const p of out) p.roles.sort();
  return out.sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.sheet, b.sheet) || a.row - b.row || cmp(a.sha256, b.sha256),
  );
}

function invalidList(sources: readonly StatementImport[]): InvalidSummary[] {
  const out: InvalidSummary[] = [];
  for (const s of sources)
    for (const m of s.invalid) {
      const item: InvalidSummary = {
        kind: m.kind,
        raw: m.raw,
        reason: m.reason,
        message: m.message,
        file: s.source.name,
        sha256: s.source.sha256,
        sheet: m.sheet,
        row: m.row,
      };
      if (m.column !== undefined) item.column = m.column;
      out.push(item);
    }
  return out.sort(
    (a, b) =>
      (kindOrder.get(a.kind) ?? 99) - (kindOrder.get(b.kind) ?? 99) ||
      cmp(a.raw, b.raw) ||
      cmp(a.file, b.file) ||
      cmp(a.sheet, b.sheet) ||
      a.row - b.row ||
      cmp(a.sha256, b.sha256),
  );
}
