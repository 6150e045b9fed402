/**
 * The flow picture: the traced money left to right by hop (seed → drops → collector → exchange →
 * wallets), the picture investigators and courts read before any table. Boxes are the places
 * holding the most traced money at each hop (the rest of a hop summed into one "others" box);
 * bands are the money that moved between two boxes, taken from the explained paths, so every
 * band is made of transfers with source rows. Bands only run forward in hops: the picture is
 * acyclic even when the money went round in circles.
 */
import type { Ledger, LedgerNode } from '../ledger/types';
import type { TracePath, TraceResult } from '../trace';

export interface FlowBox {
  /** Node id, or -1 - hop for the "others" box of a hop. */
  id: number;
  hop: number;
  kind: string;
  value: string;
  holder?: string;
  amountMinor: number;
  heldMinor: number;
  /** For an "others" box: how many places it stands for. */
  others?: number;
  endPoint?: string;
}

export interface FlowBand {
  from: number;
  to: number;
  amountMinor: number;
  transfers: number;
}

export interface FlowPicture {
  currency: string;
  boxes: FlowBox[];
  bands: FlowBand[];
}

export interface FlowPictureOptions {
  /** Boxes per hop before the rest is summed into "others" (default 6). */
  perHop?: number;
  /** Paths explained per box (default 200). */
  maxPaths?: number;
}

export function flowPicture(
  ledger: Ledger,
  result: TraceResult,
  explain: (node: number, maxPaths: number) => TracePath[],
  options: FlowPictureOptions = {},
): FlowPicture {
  const perHop = options.perHop ?? 6;
  const maxPaths = options.maxPaths ?? 200;
  const byHop = new Map<number, TraceResult['reached']>();
  for (const r of result.reached) {
    const list = byHop.get(r.hops);
    if (list) list.push(r);
    else byHop.set(r.hops, [r]);
  }
  const boxes: FlowBox[] = [];
  const boxOf = new Map<number, number>();
  const hopOf = new Map<number, number>();
  for (const [hop, list] of [...byHop].sort((a, b) => a[0] - b[0])) {
    const sorted = [...list].sort((a, b) => b.amountMinor - a.amountMinor || a.node - b.node);
    for (const r of sorted.slice(0, perHop)) {
      const node = ledger.nodes[r.node] as LedgerNode;
      boxOf.set(r.node, r.node);
      boxes.push({
        id: r.node,
        hop,
        kind: node.idKind,
        value: node.value,
        ...(node.holder ? { holder: node.holder } : {}),
        amountMinor: r.amountMinor,
        heldMinor: r.heldMinor,
        ...(r.endPoint ? { endPoint: r.endPoint } : {}),
      });
    }
    const rest = sorted.slice(perHop);
    if (rest.length > 0) {
      const id = -1 - hop;
      for (const r of rest) boxOf.set(r.node, id);
      boxes.push({
        id,
        hop,
        kind: 'others',
        value: '',
        amountMinor: rest.reduce((n, r) => n + r.amountMinor, 0),
        heldMinor: rest.reduce((n, r) => n + r.heldMinor, 0),
        others: rest.length,
      });
    }
    for (const r of list) hopOf.set(r.node, hop);
  }
  // Seeds are reached at hop 0 when the engine lists them; otherwise they get a box of their own.
  for (const seed of result.params.seeds) {
    if (boxOf.has(seed)) continue;
    const node = ledger.nodes[seed] as LedgerNode;
    boxOf.set(seed, seed);
    hopOf.set(seed, 0);
    boxes.push({
      id: seed,
      hop: 0,
      kind: node.idKind,
      value: node.value,
      ...(node.holder ? { holder: node.holder } : {}),
      amountMinor: result.enteredMinor,
      heldMinor: 0,
    });
  }

  const bands = new Map<string, FlowBand>();
  // Places summed into "others" are explained too (fewer paths each), so their box has its bands.
  const explained: [number, number][] = boxes
    .filter((b) => b.id >= 0 && b.hop > 0)
    .map((b) => [b.id, maxPaths]);
  for (const r of result.reached)
    if ((boxOf.get(r.node) ?? 0) < 0 && explained.length < 400) explained.push([r.node, 10]);
  for (const [target, limit] of explained) {
    for (const path of explain(target, limit)) {
      for (const hop of path.hops) {
        const from = boxOf.get(hop.from);
        const to = boxOf.get(hop.to);
        if (from === undefined || to === undefined || from === to) continue;
        if ((hopOf.get(hop.from) ?? 0) >= (hopOf.get(hop.to) ?? 0)) continue;
        // Count a hop once per box it ends in: the last hop of a path into this box.
        if (hop !== path.hops[path.hops.length - 1]) continue;
        const key = `${from}>${to}`;
        const band = bands.get(key) ?? { from, to, amountMinor: 0, transfers: 0 };
        band.amountMinor += path.amountMinor;
        band.transfers += 1;
        bands.set(key, band);
      }
    }
  }
  return {
    currency: result.currency,
    boxes,
    bands: [...bands.values()].sort((a, b) => a.from - b.from || a.to - b.to),
  };
}
