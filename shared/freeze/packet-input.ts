/**
 * From the freeze register to the packet builder's input: the entries as the packet lists them,
 * and for each distinct trace the entries came from, that trace re-run on the case's ledger (same
 * case, same parameters, same numbers) so the report shows the paths behind each amount.
 */
import type { BankDirectory } from '../identifiers/banks';
import { runTrace, type TraceRequest } from '../investigate';
import type { Ledger } from '../ledger/types';
import type { PacketTrace } from '../packet/build';
import { assetRefs, traceReportInput } from '../packet/trace-report/input';
import type { CaseFacts, FreezeEntry } from '../packet/types';
import type { FreezeRequest, TraceOrigin } from './types';

export function traceRequestOf(origin: TraceOrigin): TraceRequest {
  const { seedCurrency: _currency, direction, method, ...bounds } = origin;
  // The report shows paths and amounts; patterns are not part of it.
  return { ...bounds, direction, method: method as TraceRequest['method'], patterns: false };
}

export function packetTraces(
  ledger: Ledger,
  requests: readonly FreezeRequest[],
  banks: BankDirectory,
  options: { facts: CaseFacts; engine: string },
): PacketTrace[] {
  const byOrigin = new Map<string, { origin: TraceOrigin; ids: string[] }>();
  for (const r of requests) {
    if (!r.origin) continue;
    const key = JSON.stringify(r.origin);
    const group = byOrigin.get(key) ?? { origin: r.origin, ids: [] };
    group.ids.push(r.id);
    byOrigin.set(key, group);
  }
  return [...byOrigin.values()].map(({ origin, ids }) => {
    const request = traceRequestOf(origin);
    const answer = runTrace(ledger, request, banks);
    return {
      entryIds: ids,
      report: (entries: FreezeEntry[]) =>
        traceReportInput(answer, request, assetRefs(ledger, entries), {
          case: options.facts,
          engine: options.engine,
        }),
    };
  });
}

/** Whether a register entry goes into a packet: approved and in play, or proposed when asked. */
export function goesInPacket(r: FreezeRequest, withProposed: boolean): boolean {
  return r.status !== 'refused' && r.status !== 'released' && (withProposed || r.status !== 'proposed');
}
