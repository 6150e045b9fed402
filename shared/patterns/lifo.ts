/**
 * Which received money left by which transfer, at one node: last in, first out, per currency.
 *
 * LIFO, not FIFO, because drops and transit accounts keep a float (their cut, their own money):
 * under FIFO every sweep would first "spend" that old float and today's takings would look held
 * for weeks. LIFO answers the investigator's question — did what came in go straight out? — and
 * leaves the float, and the opening balance under it, as money that stayed.
 */
import type { Columns } from './columns';

/** Pieces of money that arrived by transfer `pieceIn[i]` and left by `pieceOut[i]`. */
export interface NodeFlow {
  pieceIn: number[];
  pieceOut: number[];
  /** In minor units of the arrival currency of `pieceIn[i]` (the currency `pieceOut[i]` sent). */
  pieceAmount: number[];
}

export const EMPTY_FLOW: NodeFlow = { pieceIn: [], pieceOut: [], pieceAmount: [] };

interface Lots {
  from: number[]; // transfer id, or -1 for the opening balance
  left: number[];
}

/**
 * `inIds` and `outIds` are the node's transfers in ledger order (which is time order). A transfer
 * from the node to itself moves nothing and is skipped. Outflows larger than what is on hand
 * (money from before the statement, or from sources not in the case) leave unattributed.
 */
export function lifoFlow(
  cols: Columns,
  inIds: ArrayLike<number>,
  outIds: ArrayLike<number>,
  openingMinor: Record<string, number> = {},
): NodeFlow {
  if (inIds.length === 0 || outIds.length === 0) return EMPTY_FLOW;
  const stacks: Lots[] = [];
  const lots = (currency: number): Lots => (stacks[currency] ??= { from: [], left: [] });
  for (const [currency, minor] of Object.entries(openingMinor)) {
    if (minor <= 0) continue;
    const s = lots(cols.code(currency));
    s.from.push(-1);
    s.left.push(minor);
  }
  const flow: NodeFlow = { pieceIn: [], pieceOut: [], pieceAmount: [] };
  let i = 0;
  let o = 0;
  while (o < outIds.length) {
    const nextIn = i < inIds.length ? (inIds[i] as number) : Infinity;
    const id = outIds[o] as number;
    if (nextIn === id) {
      // From the node to itself.
      i++;
      o++;
      continue;
    }
    if (nextIn < id) {
      const s = lots(cols.arrivalCurrency[nextIn] as number);
      s.from.push(nextIn);
      s.left.push(cols.got[nextIn] as number);
      i++;
      continue;
    }
    o++;
    const s = stacks[cols.currency[id] as number];
    let need = cols.sent[id] as number;
    while (s && need > 0 && s.left.length > 0) {
      const top = s.left.length - 1;
      const have = s.left[top] as number;
      const take = Math.min(have, need);
      const from = s.from[top] as number;
      if (from >= 0) {
        flow.pieceIn.push(from);
        flow.pieceOut.push(id);
        flow.pieceAmount.push(take);
      }
      need -= take;
      if (take < have) s.left[top] = have - take;
      else {
        s.left.pop();
        s.from.pop();
      }
    }
  }
  return flow;
}
