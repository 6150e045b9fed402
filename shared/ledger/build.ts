/**
 * From imported statements to the ledger: every row becomes a transfer between two places, the
 * two sides of one transfer (the sender's and the receiver's statement) become one transfer with
 * both rows as evidence, a bank payment naming a P2P order becomes a conversion into the
 * exchange account, and identifiers are joined into places only on evidence (places.ts).
 * Pure and deterministic: the same case gives the same ledger.
 */
import { decisionKey, findDuplicateCandidates, latestDecisions } from '../dedupe';
import { keyString } from '../dedupe/rows';
import type { DuplicateCandidate, DuplicateDecision } from '../dedupe/types';
import type { ImportedTransaction, StatementImport } from '../model/statement';
import {
  entityKey,
  resolveEntities,
  type MaskedResolution,
  type ResolveMention,
} from '../identifiers/resolve';
import { applyEntityDecisions, type EntityDecision } from '../resolve/decisions';
import { joinStatementAccounts } from './accounts';
import { assembleLedger, type Draft } from './assemble';
import { Places } from './places';
import { p2pOrders, orderOfPayment } from './p2p';
import { SourceRows, type RowParties } from './row-parties';
import type { Ledger, RowEvidence } from './types';

export interface LedgerInput {
  sources: readonly StatementImport[];
  /** The investigator's merges and splits of identifiers. */
  decisions?: readonly EntityDecision[];
  /** Verdicts on duplicate candidates: a rejected pair is never treated as one transfer. */
  duplicateDecisions?: readonly DuplicateDecision[];
  /** Candidates already found (the app keeps them); found here when absent. */
  candidates?: readonly DuplicateCandidate[];
}

interface PlacedRow {
  src: SourceRows;
  tx: ImportedTransaction;
  evidence: RowEvidence;
  parties: RowParties;
}

const rowId = keyString;

export function buildLedger(input: LedgerInput): Ledger {
  const sources = input.sources.map((s) => new SourceRows(s));
  const decided = identityDecisions(input);
  const places = new Places(decided.apart);
  for (const [root, members] of decided.members)
    for (const key of members)
      if (key !== root) places.join('merge', root, key, [], 'merged by the investigator');
  for (const [masked, automatic] of decided.automatic) {
    // The investigator's decisions outrank the automatic resolution.
    const resolution = decided.resolutions.get(masked) ?? automatic;
    if (resolution.status !== 'resolved') continue;
    const evidence = decided.firstMention.get(masked);
    places.join(
      'masked-card',
      masked,
      `card:${resolution.card}`,
      evidence ? [evidence] : [],
      `${masked.slice(12)} fits exactly one full card of the case`,
    );
  }
  for (const src of sources) joinStatementAccounts(src, places);

  // Every row with a place on both sides.
  const placed = new Map<string, PlacedRow>();
  let unplaced = 0;
  for (const src of sources) {
    for (const tx of src.source.transactions) {
      const parties = src.parties(tx);
      if (parties === null) {
        unplaced++;
        continue;
      }
      const evidence = { sha256: src.source.source.sha256, sheet: tx.sheet, row: tx.row };
      placed.set(rowId(evidence), { src, tx, evidence, parties });
    }
  }

  const drafts: Draft[] = [];
  const used = new Set<string>();
  // P2P: the bank row that paid an order and the order itself are one conversion.
  const orders = p2pOrders(sources);
  for (const row of placed.values()) {
    if (row.tx.direction !== 'out' || row.src.exchangeKey !== null) continue;
    const order = orderOfPayment(row.tx.description, orders);
    if (!order || used.has(rowId(order.evidence))) continue;
    used.add(rowId(order.evidence)).add(rowId(row.evidence));
    drafts.push({
      from: row.parties.owner,
      to: order.exchangeKey,
      at: row.tx.bookedAt,
      amountMinor: row.tx.amountMinor,
      currency: row.tx.currency,
      toAmountMinor: order.tx.amountMinor,
      toCurrency: order.tx.currency,
      channel: 'p2p',
      evidence: [row.evidence, order.evidence],
      reference: order.tx.orderId,
      description: row.tx.description,
    });
  }

  // Two sides of one transfer: from the sender's statement owner to the receiver's.
  const candidates = input.candidates ?? findDuplicateCandidates(input.sources.map(dedupeSource));
  const verdicts = latestDecisions(input.duplicateDecisions ?? []);
  for (const c of candidates) {
    const decision = verdicts.get(decisionKey(c.kind, c.a, c.b))?.decision;
    // Unreviewed candidates count as one transfer too: leaving them apart would count the money
    // twice, once from each statement. A rejection by the investigator keeps them apart.
    if (decision === 'rejected') continue;
    const a = placed.get(rowId(c.a));
    const b = placed.get(rowId(c.b));
    if (!a || !b || used.has(rowId(c.a)) || used.has(rowId(c.b))) continue;
    used.add(rowId(c.b));
    if (c.kind === 'overlap') continue; // the same row exported twice: keep the first
    used.add(rowId(c.a));
    const [out, inn] = a.tx.direction === 'out' ? [a, b] : [b, a];
    bindBySecondSide(places, out, inn);
    drafts.push(draftOf(out, out.parties.owner, inn.parties.owner, [out.evidence, inn.evidence]));
  }

  for (const [id, row] of placed) {
    if (used.has(id)) continue;
    const [from, to] =
      row.tx.direction === 'out'
        ? [row.parties.owner, row.parties.counterparty]
        : [row.parties.counterparty, row.parties.owner];
    drafts.push(draftOf(row, from, to, [row.evidence]));
  }

  return assembleLedger({ sources, places, drafts, unplaced });
}

function draftOf(row: PlacedRow, from: string, to: string, evidence: RowEvidence[]): Draft {
  const draft: Draft = {
    from,
    to,
    at: row.tx.bookedAt,
    amountMinor: row.tx.amountMinor,
    currency: row.tx.currency,
    channel: row.parties.channel,
    evidence,
    description: row.tx.description,
    parties: row.parties,
    direction: row.tx.direction,
  };
  if (row.tx.amountKztMinor !== undefined) draft.kztMinor = row.tx.amountKztMinor;
  const reference = row.tx.txid ?? row.tx.orderId;
  if (reference) draft.reference = reference;
  return draft;
}

/**
 * A transfer by phone whose receiving side is a statement in the case: the phone is bound to
 * that statement's account (the bank routed it there), and both rows say so.
 */
function bindBySecondSide(places: Places, out: PlacedRow, inn: PlacedRow): void {
  const phone = out.parties.counterparty;
  if (!phone.startsWith('phone:')) return;
  places.join(
    'phone-binding',
    phone,
    inn.parties.owner,
    [out.evidence, inn.evidence],
    `the transfer to ${phone.slice(6)} arrived on ${inn.parties.owner.slice(inn.parties.owner.indexOf(':') + 1)}`,
  );
}

function dedupeSource(s: StatementImport) {
  return { sha256: s.source.sha256, name: s.source.name, accounts: s.accounts, transactions: s.transactions };
}

function identityDecisions(input: LedgerInput) {
  // Only cards and masked cards take part in resolution: resolving them alone is the same answer
  // the Entities tab shows, at a fraction of the cost on a million-row case.
  const mentions: ResolveMention<RowEvidence>[] = [];
  for (const s of input.sources)
    for (const m of s.mentions)
      if (m.kind === 'card' || m.kind === 'card_masked')
        mentions.push({
          kind: m.kind,
          value: m.value,
          ref: { sha256: s.source.sha256, sheet: m.sheet, row: m.row },
        });
  const automatic = new Map<string, MaskedResolution>();
  const firstMention = new Map<string, RowEvidence>();
  for (const e of resolveEntities(mentions).entities) {
    const key = entityKey(e.kind, e.value);
    if (e.resolution) automatic.set(key, e.resolution);
    const first = e.refs[0];
    if (first) firstMention.set(key, first);
  }
  const decided = applyEntityDecisions(input.decisions ?? [], automatic);
  return { ...decided, automatic, firstMention };
}
