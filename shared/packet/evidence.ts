/**
 * The packet's evidence folder: what lets a bank, an exchange or a court check each claim
 * without MoneyTrail. Every asset's claim names the statement rows it rests on; every such
 * statement is listed with its SHA-256 (so the recipient can ask for the same file and compare);
 * and the case's audit log travels whole, with its hash chain, so the history of the case (what
 * was imported, merged, traced, decided) can be re-verified line by line.
 */
import { verifyAuditChain, type AuditEntry } from '../audit/chain';
import { formatDateTime, formatMoney } from '../format/money';
import { csvBytes } from './csv';
import type { EvidenceRow, FreezeEntry, PacketLang } from './types';

export interface SourceFileInfo {
  name: string;
  size: number;
  sha256: string;
  /** UTC ms. */
  importedAt: number;
}

export interface TraceClaim {
  /** The asset's identifier as the freeze register writes it. */
  asset: string;
  rows: EvidenceRow[];
}

export interface EvidenceInput {
  entries: readonly FreezeEntry[];
  sources: readonly SourceFileInfo[];
  /** The trace hops that brought the money to each asset, each with its statement rows. */
  traceClaims?: readonly TraceClaim[];
  audit: readonly AuditEntry[];
  caseId: string;
  lang: PacketLang;
}

export interface PacketFile {
  path: string;
  bytes: Uint8Array;
}

export const EVIDENCE_DIR = 'evidence';

type ClaimKind = 'freeze-amount' | 'trace-hop';

interface Claim {
  asset: string;
  claim: ClaimKind;
  /** The freeze amount as the letter states it; empty for a trace hop. */
  amount: string;
  file: string;
  sheet: string;
  row: number;
  sha256: string;
}

const words = {
  ru: {
    sources: ['Файл', 'Размер, байт', 'SHA-256', 'Импортирован (Asia/Almaty)'],
    claims: ['Актив', 'Утверждение', 'Сумма', 'Файл', 'Лист', 'Строка', 'SHA-256 файла'],
    claim: { 'freeze-amount': 'сумма ареста', 'trace-hop': 'шаг трассировки' },
    rest: (n: number) => `Ещё файлов дела, на которые требования не ссылаются: ${n}`,
  },
  kk: {
    sources: ['Файл', 'Көлемі, байт', 'SHA-256', 'Импортталды (Asia/Almaty)'],
    claims: ['Актив', 'Тұжырым', 'Сома', 'Файл', 'Парақ', 'Жол', 'Файлдың SHA-256'],
    claim: { 'freeze-amount': 'тыйым салу сомасы', 'trace-hop': 'трассировка қадамы' },
    rest: (n: number) => `Талаптар сілтеме жасамайтын істің басқа файлдары: ${n}`,
  },
} as const;

function claimsOf(input: EvidenceInput): Claim[] {
  const out: Claim[] = [];
  for (const e of input.entries) {
    const amount = formatMoney(e.amountMinor, e.currency, input.lang);
    for (const r of e.evidence) out.push({ asset: e.identifier, claim: 'freeze-amount', amount, ...r });
  }
  for (const t of input.traceClaims ?? [])
    for (const r of t.rows) out.push({ asset: t.asset, claim: 'trace-hop', amount: '', ...r });
  // One line per asset × row: a row cited twice for the same asset and claim says nothing new.
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.asset}\n${c.claim}\n${c.sha256}\n${c.sheet}\n${c.row}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A cited file; size and import date are unknown when the case's source list lacks it. */
type ListedSource = Pick<SourceFileInfo, 'name' | 'sha256'> & Partial<SourceFileInfo>;

/** Cited files in case order; a cited file the case list lacks keeps the name the claim gives. */
function citedSources(input: EvidenceInput, claims: readonly Claim[]) {
  const cited = new Set(claims.map((c) => c.sha256));
  const listed: ListedSource[] = input.sources.filter((s) => cited.has(s.sha256));
  const known = new Set(listed.map((s) => s.sha256));
  for (const c of claims)
    if (!known.has(c.sha256)) {
      known.add(c.sha256);
      listed.push({ name: c.file, sha256: c.sha256 });
    }
  const rest = new Set(input.sources.filter((s) => !cited.has(s.sha256)).map((s) => s.sha256)).size;
  return { listed, rest };
}

const AUDIT_RULE = {
  ru: [
    'Журнал действий по делу: одна запись JSON на строку (audit-log.jsonl), в порядке записи.',
    'Каноническая форма записи: JSON без пробелов, ключи по алфавиту, поля без значения опущены.',
    'hash = SHA-256 (hex) канонической формы полей caseId, seq, at, actor, action, details и prevHash.',
    'У первой записи seq = 0 и prevHash = 64 нуля; у каждой следующей seq на 1 больше, prevHash = hash предыдущей.',
    'Правка, удаление или перестановка любой записи меняет hash и рвёт цепочку со следующей записи.',
  ],
  kk: [
    'Іс бойынша әрекеттер журналы: әр жолда бір JSON жазба (audit-log.jsonl), жазылу ретімен.',
    'Жазбаның канондық түрі: бос орынсыз JSON, кілттер әліпби бойынша, мәні жоқ өрістер алынып тасталады.',
    'hash = caseId, seq, at, actor, action, details және prevHash өрістерінің канондық түрінің SHA-256 (hex) мәні.',
    'Бірінші жазбада seq = 0, prevHash = 64 нөл; әрбір келесісінде seq 1-ге артық, prevHash = алдыңғысының hash.',
    'Кез келген жазбаны өзгерту, жою немесе орнын ауыстыру hash-ті өзгертіп, тізбекті келесі жазбадан үзеді.',
  ],
  en: [
    'The case audit log: one JSON entry per line (audit-log.jsonl), in the order written.',
    'Canonical form of an entry: JSON without spaces, object keys sorted, fields without a value left out.',
    'hash = SHA-256 (hex) of the canonical form of caseId, seq, at, actor, action, details and prevHash.',
    'The first entry has seq = 0 and prevHash = 64 zeros; each next one seq + 1 and prevHash = the previous hash.',
    'Editing, removing or reordering any entry changes its hash and breaks the chain from the next entry on.',
  ],
};

export function buildEvidenceFiles(input: EvidenceInput): PacketFile[] {
  const w = words[input.lang];
  const claims = claimsOf(input);
  const { listed, rest } = citedSources(input, claims);
  const when = (ms: number | undefined) => (ms === undefined ? '' : formatDateTime(ms, input.lang));

  const sourceRows = listed.map((s) => [s.name, s.size ?? '', s.sha256, when(s.importedAt)]);
  // The count of uncited files goes in a last row with no hash, so a script can skip it.
  if (rest > 0) sourceRows.push([w.rest(rest), '', '', '']);
  const claimRows = claims.map((c) => [
    c.asset,
    w.claim[c.claim],
    c.amount,
    c.file,
    c.sheet,
    c.row,
    c.sha256,
  ]);

  const audit = input.audit.filter((e) => e.caseId === input.caseId);
  const verdict = verifyAuditChain(input.caseId, audit);
  const jsonl = audit.map((e) => JSON.stringify(e) + '\n').join('');
  const head = verdict.ok ? verdict.headHash : `broken at entry #${verdict.seq}: ${verdict.detail}`;
  const chainText = [
    ...AUDIT_RULE[input.lang],
    '',
    ...AUDIT_RULE.en,
    '',
    `caseId: ${input.caseId}`,
    `entries: ${audit.length}`,
    `last hash: ${head}`,
    '',
  ].join('\n');

  const json = {
    format: 'moneytrail-evidence',
    version: 1,
    caseId: input.caseId,
    sources: listed.map((s) => ({
      name: s.name,
      ...(s.size !== undefined ? { size: s.size } : {}),
      sha256: s.sha256,
      ...(s.importedAt !== undefined ? { importedAt: new Date(s.importedAt).toISOString() } : {}),
    })),
    otherSources: rest,
    claims: claims.map((c) => ({
      asset: c.asset,
      claim: c.claim,
      ...(c.amount ? { amount: c.amount } : {}),
      file: c.file,
      sheet: c.sheet,
      row: c.row,
      sha256: c.sha256,
    })),
    audit: {
      file: `${EVIDENCE_DIR}/audit-log.jsonl`,
      entries: audit.length,
      chainIntact: verdict.ok,
      ...(verdict.ok ? { headHash: verdict.headHash } : { brokenAt: verdict.seq }),
    },
  };

  const text = (s: string) => new TextEncoder().encode(s);
  return [
    { path: `${EVIDENCE_DIR}/sources.csv`, bytes: csvBytes([[...w.sources], ...sourceRows]) },
    { path: `${EVIDENCE_DIR}/claims.csv`, bytes: csvBytes([[...w.claims], ...claimRows]) },
    { path: `${EVIDENCE_DIR}/audit-log.jsonl`, bytes: text(jsonl) },
    { path: `${EVIDENCE_DIR}/AUDIT-CHAIN.txt`, bytes: text(chainText) },
    { path: `${EVIDENCE_DIR}/evidence.json`, bytes: text(JSON.stringify(json, null, 2) + '\n') },
  ];
}
