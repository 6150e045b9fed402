/**
 * Who holds the places on screen. A place is one account, wallet or exchange account; a person
 * with two cards in two banks is two places, kept apart so tracing never pours one into the
 * other (ledger/places.ts). When two or more places on screen name the same holder, the graph
 * draws that holder once with a "holds" link to each: the picture then says what the labels
 * alone do not, that these accounts are one person's. A holder of one place on screen is not
 * drawn; its name is already in the place's label.
 *
 * Holders are grouped by IIN/BIN when a statement gives it, else by the printed name folded the
 * way search folds it. A name without an IIN is never joined to an IIN holder: two people share
 * names. Nothing here touches money: holders have no flows and are invisible to paths and totals.
 */
import { parseIinBin } from '../identifiers/iin';
import type { LedgerNode } from '../ledger/types';
import type { GraphIndex } from './build-index';
import { foldName } from './search';
import type { HolderKind, HolderNode, HoldsEdge, HoldsEvidence } from './types';

/** Fewer shown places than this and the holder is not drawn. */
export const HOLDER_MIN_PLACES = 2;
/**
 * Transfers read per place to find the statements naming its holder, a few from each
 * counterparty: its own statement records all of them, another statement only those with its owner.
 */
const EVIDENCE_SAMPLE = 512;
const EVIDENCE_PER_PAIR = 8;
const EVIDENCE_FILES = 3;

/** `iin:…`/`bin:…` by the IIN/BIN's 5th digit (as shared/resolve keys holders), else `name:…`. */
export function holderKeyOf(node: LedgerNode): string | null {
  const digits = node.holderId?.replace(/[\s\u00a0]/g, '') ?? '';
  if (/^\d{12}$/.test(digits)) return `${Number(digits[4]) >= 4 ? 'bin' : 'iin'}:${digits}`;
  const name = foldName(node.holder ?? '');
  return name.length > 0 ? `name:${name}` : null;
}

function holderKindOf(idNumber: string | undefined): HolderKind {
  if (idNumber === undefined) return 'unknown';
  const parsed = parseIinBin(idNumber);
  if (!parsed.ok) return 'unknown';
  return parsed.kind === 'iin' ? 'person' : 'company';
}

/**
 * The statements that name a place's holder. The ledger keeps the name, not the row: a place
 * with its own statement got it from that statement's header (the file every one of its
 * transfers comes from); any other place from the counterparty columns of the statements that
 * record its transfers.
 */
export function holdsEvidence(index: GraphIndex, node: number): HoldsEvidence {
  const counts = new Map<number, number>();
  let read = 0;
  const visit = (p: number): void => {
    const start = index.pStart[p] as number;
    const end = Math.min(index.pStart[p + 1] as number, start + EVIDENCE_PER_PAIR);
    for (let k = start; k < end && read < EVIDENCE_SAMPLE; k++, read++) {
      const t = index.pTransfers[k] as number;
      for (let f = index.tFileStart[t] as number; f < (index.tFileStart[t + 1] as number); f++) {
        const file = index.tFiles[f] as number;
        counts.set(file, (counts.get(file) ?? 0) + 1);
      }
    }
  };
  for (let p = index.outStart[node] as number; p < (index.outStart[node + 1] as number); p++) visit(p);
  for (let i = index.inStart[node] as number; i < (index.inStart[node + 1] as number); i++)
    visit(index.inPairs[i] as number);
  const files = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([file]) => {
      const sha256 = index.files[file] as string;
      return { sha256, name: index.ledger.files.get(sha256) ?? sha256 };
    });
  const header = index.ledger.nodes[node]?.hasStatement === true;
  return {
    from: header ? 'header' : 'counterparty',
    files: files.slice(0, header ? 1 : EVIDENCE_FILES),
  };
}

/**
 * Holders of two or more of `places` (ledger node ids shown as entities), with their holds links.
 * Deterministic: holders sorted by key, places ascending.
 */
export function holderLayer(
  index: GraphIndex,
  places: readonly number[],
): { holders: HolderNode[]; holds: HoldsEdge[] } {
  const groups = new Map<string, number[]>();
  for (const n of places) {
    const node = index.ledger.nodes[n];
    const key = node ? holderKeyOf(node) : null;
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(n);
    else groups.set(key, [n]);
  }
  const holders: HolderNode[] = [];
  const holds: HoldsEdge[] = [];
  for (const key of [...groups.keys()].sort()) {
    const held = [...new Set(groups.get(key))].sort((a, b) => a - b);
    if (held.length < HOLDER_MIN_PLACES) continue;
    const id = `h:${key}`;
    const idNumber = key.startsWith('name:') ? undefined : key.slice(4);
    holders.push({
      type: 'holder',
      id,
      key,
      holderKind: holderKindOf(idNumber),
      names: namesOf(held.map((n) => index.ledger.nodes[n]?.holder)),
      ...(idNumber !== undefined ? { idNumber } : {}),
      places: held,
    });
    for (const n of held)
      holds.push({
        type: 'holds',
        id: `${id}>n${n}`,
        source: id,
        target: `n${n}`,
        node: n,
        evidence: holdsEvidence(index, n),
      });
  }
  return { holders, holds };
}

/** Distinct printed names, the most used first, then alphabetically. */
function namesOf(printed: readonly (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const name of printed) {
    const trimmed = name?.replace(/\s+/g, ' ').trim();
    if (trimmed) counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name]) => name);
}
