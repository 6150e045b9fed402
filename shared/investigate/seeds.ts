/**
 * Seeds as a person types them: `87011234567`, a card with spaces, a masked card, an IBAN, a
 * wallet, an IIN/BIN (every account that person or company holds in the case), or an exchange
 * name. Each seed says which node it reached and why, so a typo never silently traces nothing.
 */
import { entityKey } from '../identifiers/resolve';
import { recognize } from '../identifiers/recognize';
import type { Ledger } from '../ledger/types';

export interface SeedMatch {
  input: string;
  /** entityKey the input reads as (`phone:+77011234567`), when it reads as an identifier. */
  key?: string;
  nodes: number[];
  /** English, for the CLI: why nothing matched. */
  problem?: string;
}

export function findSeeds(ledger: Ledger, inputs: readonly string[]): SeedMatch[] {
  return inputs.map((input) => findSeed(ledger, input));
}

function findSeed(ledger: Ledger, input: string): SeedMatch {
  const text = input.trim();
  const exchange = ledger.nodeByKey.get(`exchange:${text}`);
  if (exchange !== undefined) return { input, key: `exchange:${text}`, nodes: [exchange] };
  // An account number as the bank printed it, even one no checksum accepts, names its statement.
  const printed = ledger.nodeByKey.get(`account:${text.replace(/[\s-]/g, '').toUpperCase()}`);
  if (printed !== undefined) return { input, key: `account:${text}`, nodes: [printed] };
  const r = recognize(text);
  if (!r.ok)
    return {
      input,
      nodes: [],
      problem: `"${input}" is not a card, IBAN, phone, wallet or IIN/BIN (${r.message})`,
    };
  const key = entityKey(r.kind, r.value);
  const direct = ledger.nodeByKey.get(key);
  if (direct !== undefined) return { input, key, nodes: [direct] };
  if (r.kind === 'iin' || r.kind === 'bin') {
    const held = ledger.nodes.filter((n) => n.holderId === r.value).map((n) => n.id);
    if (held.length > 0) return { input, key, nodes: held };
  }
  return { input, key, nodes: [], problem: `${key} does not appear in any transfer of this case` };
}
