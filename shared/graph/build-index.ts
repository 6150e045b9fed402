/**
 * The ledger as flat typed arrays, built once per ledger: transfers as columns, one "pair" per
 * (from, to) with its transfers listed oldest first, and CSR adjacency both ways. Everything in
 * the graph model reads these, so a million transfers never become a million small objects.
 */
import type { Ledger, LedgerTransfer, NodeKind, RowEvidence } from '../ledger/types';

export const NODE_KINDS = [
  'account',
  'wallet',
  'exchange-account',
  'cash',
  'merchant',
  'unknown',
] as const satisfies readonly NodeKind[];

export interface GraphIndex {
  readonly ledger: Ledger;
  readonly nodeCount: number;
  readonly transferCount: number;
  readonly pairCount: number;
  /** Sorted currency codes; transfer currencies are indexes into it. */
  readonly currencies: readonly string[];
  /** Source files (SHA-256) in first-seen order; evidence rows point into it. */
  readonly files: readonly string[];
  /** Index into NODE_KINDS per node. */
  readonly nodeKind: Uint8Array;
  readonly tFrom: Int32Array;
  readonly tTo: Int32Array;
  readonly tAt: Float64Array;
  readonly tAmount: Float64Array;
  readonly tCurrency: Uint16Array;
  /**
   * P2P orders that convert: bit t set when transfer t arrived in another currency, then
   * `conversions` says what arrived. Sparse, because they are a handful among a million.
   */
  readonly convertBits: Uint32Array;
  readonly conversions: ReadonlyMap<number, Conversion>;
  /** Files of transfer t's evidence rows: tFiles[tFileStart[t] .. tFileStart[t + 1]). */
  readonly tFileStart: Int32Array;
  readonly tFiles: Uint32Array;
  readonly pFrom: Int32Array;
  readonly pTo: Int32Array;
  /** Transfers of pair p, oldest first: pTransfers[pStart[p] .. pStart[p + 1]). */
  readonly pStart: Int32Array;
  readonly pTransfers: Int32Array;
  /** Pairs leaving node n are the ids outStart[n] .. outStart[n + 1] (pairs are grouped by `from`). */
  readonly outStart: Int32Array;
  /** Pairs arriving at node n: inPairs[inStart[n] .. inStart[n + 1]). */
  readonly inStart: Int32Array;
  readonly inPairs: Int32Array;
}

export interface Conversion {
  amount: number;
  currency: number;
}

function prefixSums(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) start[i + 1] = (start[i] as number) + (counts[i] as number);
  return start;
}

export function buildGraphIndex(ledger: Ledger): GraphIndex {
  const n = ledger.nodes.length;
  const m = ledger.transfers.length;
  const kindIndex = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));
  const nodeKind = new Uint8Array(n);
  for (const node of ledger.nodes) nodeKind[node.id] = kindIndex.get(node.kind) ?? NODE_KINDS.length - 1;

  // One pass over the transfer objects (the expensive part: a million scattered reads). Strings
  // repeat row after row, so the last currency and file are checked before any map lookup.
  const seenCurrencies: string[] = [];
  const currencyIndex = new Map<string, number>();
  const currencyOf = (code: string): number => {
    let c = currencyIndex.get(code);
    if (c === undefined) {
      c = seenCurrencies.length;
      seenCurrencies.push(code);
      currencyIndex.set(code, c);
    }
    return c;
  };
  const tFrom = new Int32Array(m);
  const tTo = new Int32Array(m);
  const tAt = new Float64Array(m);
  const tAmount = new Float64Array(m);
  const tCurrency = new Uint16Array(m);
  const convertBits = new Uint32Array((m + 31) >>> 5);
  const conversions = new Map<number, Conversion>();
  const tFileStart = new Int32Array(m + 1);
  let tFiles = new Uint32Array(m + 16);
  let fileCount = 0;
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const outCount = new Int32Array(n);
  let lastCode = '';
  let lastC = -1;
  let lastSha = '';
  let lastF = -1;
  for (let i = 0; i < m; i++) {
    const t = ledger.transfers[i] as LedgerTransfer;
    const from = t.from;
    tFrom[i] = from;
    tTo[i] = t.to;
    tAt[i] = t.at;
    const amount = t.amountMinor;
    tAmount[i] = amount;
    const code = t.currency;
    if (code !== lastCode) {
      lastCode = code;
      lastC = currencyOf(code);
    }
    tCurrency[i] = lastC;
    // `in` first: reading an absent property is several times slower in V8 and makes garbage,
    // and only P2P orders have it.
    const toCode = 'toCurrency' in t ? t.toCurrency : undefined;
    if (toCode !== undefined) {
      convertBits[i >>> 5] = (convertBits[i >>> 5] as number) | (1 << (i & 31));
      conversions.set(i, { amount: t.toAmountMinor ?? amount, currency: currencyOf(toCode) });
    }
    const evidence = t.evidence;
    if (fileCount + evidence.length > tFiles.length) {
      const grown = new Uint32Array(Math.max(tFiles.length * 2, fileCount + evidence.length));
      grown.set(tFiles);
      tFiles = grown;
    }
    for (let k = 0; k < evidence.length; k++) {
      const sha = (evidence[k] as RowEvidence).sha256;
      if (sha !== lastSha) {
        lastSha = sha;
        let f = fileIndex.get(sha);
        if (f === undefined) {
          f = files.length;
          files.push(sha);
          fileIndex.set(sha, f);
        }
        lastF = f;
      }
      tFiles[fileCount++] = lastF;
    }
    tFileStart[i + 1] = fileCount;
    outCount[from] = (outCount[from] as number) + 1;
  }
  // Currencies in code order, so every table lists them the same way whatever the import order.
  const currencies = [...seenCurrencies].sort();
  const remap = Uint16Array.from(seenCurrencies, (code) => currencies.indexOf(code));
  for (let i = 0; i < m; i++) tCurrency[i] = remap[tCurrency[i] as number] as number;
  for (const c of conversions.values()) c.currency = remap[c.currency] as number;

  // Transfers grouped by sender, oldest first within each (a stable counting sort), written
  // straight into `pTransfers`: each sender's stretch is then reordered by pair in place.
  // Few large temporaries on purpose: V8 starts a full collection of the whole heap (the ledger
  // and all) once some 64 MB of typed arrays have been allocated since the last one.
  const byFromStart = prefixSums(outCount);
  const pTransfers = new Int32Array(m);
  const cursor = byFromStart.slice(0, n);
  for (let i = 0; i < m; i++) {
    const f = tFrom[i] as number;
    pTransfers[cursor[f] as number] = i;
    cursor[f] = (cursor[f] as number) + 1;
  }
  let maxOut = 0;
  for (let node = 0; node < n; node++) maxOut = Math.max(maxOut, outCount[node] as number);

  // Count the pairs first, so their arrays have the exact size.
  const seenBy = new Int32Array(n).fill(-1);
  let pairCount = 0;
  for (let node = 0; node < n; node++)
    for (let k = byFromStart[node] as number; k < (byFromStart[node + 1] as number); k++) {
      const to = tTo[pTransfers[k] as number] as number;
      if (seenBy[to] !== node) {
        seenBy[to] = node;
        pairCount++;
      }
    }

  // Pairs of each sender in order of their first transfer; a sender's pairs fill exactly its own
  // stretch of `pTransfers`: count per receiver, then place.
  seenBy.fill(-1);
  const slotOfReceiver = new Int32Array(n);
  const stretch = new Int32Array(maxOut);
  const pFrom = new Int32Array(pairCount);
  const pTo = new Int32Array(pairCount);
  const pStart = new Int32Array(pairCount + 1);
  const outStart = new Int32Array(n + 1);
  let p = 0;
  for (let node = 0; node < n; node++) {
    outStart[node] = p;
    const lo = byFromStart[node] as number;
    const hi = byFromStart[node + 1] as number;
    const firstPair = p;
    for (let k = lo; k < hi; k++) {
      const t = pTransfers[k] as number;
      stretch[k - lo] = t;
      const to = tTo[t] as number;
      if (seenBy[to] !== node) {
        seenBy[to] = node;
        slotOfReceiver[to] = 0;
        pFrom[p] = node;
        pTo[p] = to;
        p++;
      }
      slotOfReceiver[to] = (slotOfReceiver[to] as number) + 1;
    }
    let at = lo;
    for (let q = firstPair; q < p; q++) {
      const to = pTo[q] as number;
      pStart[q] = at;
      at += slotOfReceiver[to] as number;
      slotOfReceiver[to] = pStart[q] as number;
    }
    for (let k = 0; k < hi - lo; k++) {
      const t = stretch[k] as number;
      const to = tTo[t] as number;
      pTransfers[slotOfReceiver[to] as number] = t;
      slotOfReceiver[to] = (slotOfReceiver[to] as number) + 1;
    }
  }
  outStart[n] = pairCount;
  pStart[pairCount] = m;

  const inCount = new Int32Array(n);
  for (let p = 0; p < pairCount; p++) inCount[pTo[p] as number] = (inCount[pTo[p] as number] as number) + 1;
  const inStart = prefixSums(inCount);
  const inPairs = new Int32Array(pairCount);
  const inCursor = inStart.slice(0, n);
  for (let p = 0; p < pairCount; p++) {
    const to = pTo[p] as number;
    inPairs[inCursor[to] as number] = p;
    inCursor[to] = (inCursor[to] as number) + 1;
  }

  return {
    ledger,
    nodeCount: n,
    transferCount: m,
    pairCount,
    currencies,
    files,
    nodeKind,
    tFrom,
    tTo,
    tAt,
    tAmount,
    tCurrency,
    convertBits,
    conversions,
    tFileStart,
    tFiles: tFiles.subarray(0, fileCount),
    pFrom,
    pTo,
    pStart,
    pTransfers,
    outStart,
    inStart,
    inPairs,
  };
}

export function nodeKindOf(index: GraphIndex, node: number): NodeKind {
  return NODE_KINDS[index.nodeKind[node] as number] ?? 'unknown';
}

/** Pairs touching `node` on `side`, as a callback so hot loops make no garbage. */
export function forEachPair(
  index: GraphIndex,
  node: number,
  side: 'in' | 'out',
  visit: (pair: number, other: number) => void,
): void {
  if (side === 'out') {
    const end = index.outStart[node + 1] as number;
    for (let p = index.outStart[node] as number; p < end; p++) visit(p, index.pTo[p] as number);
  } else {
    const end = index.inStart[node + 1] as number;
    for (let k = index.inStart[node] as number; k < end; k++) {
      const p = index.inPairs[k] as number;
      visit(p, index.pFrom[p] as number);
    }
  }
}

/** The currency transfer t arrived in (differs from `tCurrency` only for a conversion). */
export function arrivedCurrency(index: GraphIndex, t: number): number {
  return ((index.convertBits[t >>> 5] as number) >>> (t & 31)) & 1
    ? (index.conversions.get(t) as Conversion).currency
    : (index.tCurrency[t] as number);
}

/** The amount that arrived, in `arrivedCurrency` minor units. */
export function arrivedAmount(index: GraphIndex, t: number): number {
  return ((index.convertBits[t >>> 5] as number) >>> (t & 31)) & 1
    ? (index.conversions.get(t) as Conversion).amount
    : (index.tAmount[t] as number);
}
