/**
 * Freeze candidates: the places where the seeds' money still is, ranked by how much of it a
 * freeze could catch there (what was traced in and not traced out), each with the institution
 * that can act on it. Shops and cash desks are where money was spent, not held: never proposed.
 */
import type { BankDirectory } from '../identifiers/banks';
import type { Ledger } from '../ledger/types';
import type { ReachedNode, TraceResult } from '../trace';
import { institutionOf, type Institution } from './institutions';

export interface FreezeCandidate {
  node: number;
  /** Seed-currency minor units still traceable to the node. */
  heldMinor: number;
  /** In the node's own currency (USDT in a wallet). */
  nativeHeldMinor: number;
  nativeCurrency: string;
  institution: Institution;
  /** English, for the CLI: why this node is proposed. */
  reason: string;
  reached: ReachedNode;
}

export interface CandidateOptions {
  /** Ignore places holding less than this (seed-currency minor units). */
  minHeldMinor?: number;
  limit?: number;
}

export function freezeCandidates(
  ledger: Ledger,
  result: TraceResult,
  banks: BankDirectory,
  options: CandidateOptions = {},
): FreezeCandidate[] {
  const min = options.minHeldMinor ?? 1;
  const out: FreezeCandidate[] = [];
  for (const reached of result.reached) {
    const node = ledger.nodes[reached.node];
    if (!node || node.kind === 'merchant' || node.kind === 'cash' || node.kind === 'unknown') continue;
    if (reached.heldMinor < min) continue;
    const share = reached.amountMinor > 0 ? reached.heldMinor / reached.amountMinor : 0;
    const nativeHeldMinor = Math.floor(reached.nativeMinor * share);
    const institution = institutionOf(node, banks, reached.nativeCurrency);
    const ending = reached.endPoint ? `; the trail ends here (${reached.endPoint})` : '';
    out.push({
      node: reached.node,
      heldMinor: reached.heldMinor,
      nativeHeldMinor,
      nativeCurrency: reached.nativeCurrency,
      institution,
      reason: `${result.params.method}: ${reached.transfers} transfer(s) brought traced money ${reached.hops} hop(s) from the seed, and it was not traced out${ending}`,
      reached,
    });
  }
  out.sort((a, b) => b.heldMinor - a.heldMinor || a.node - b.node);
  return options.limit === undefined ? out : out.slice(0, options.limit);
}
