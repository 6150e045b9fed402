/** A trace for a terminal: where the money went, who can freeze it, what looks like a pattern. */
import { formatMoney } from '../shared/format/money';
import type { TraceJson } from '../shared/investigate';
import { table } from './text-table';

const money = (minor: number, currency: string): string =>
  formatMoney(minor, currency, 'en').replace(/\u00a0/g, ' ');

export function renderTrace(t: TraceJson): string {
  const c = t.currency;
  const seeds = t.seed.map((s) => `${s.kind} ${s.value}${s.holder ? ` (${s.holder})` : ''}`).join(', ');
  let out = `Trace ${t.direction === 'down' ? 'downstream' : 'upstream'} from ${seeds}\n`;
  out += `Method: ${t.method}, max hops ${t.parameters.maxHops}; seed money ${money(t.enteredMinor, c)}\n\n`;
  out += `Reached (${t.reached.length})\n`;
  out += table(
    ['#', 'KIND', 'IDENTIFIER', 'HOLDER', 'HOPS', `AMOUNT ${c}`, 'NATIVE', `HELD ${c}`, 'ENDS'],
    t.reached
      .slice(0, 50)
      .map((r, i) => [
        String(i + 1),
        r.kind,
        r.value,
        r.holder ?? '',
        String(r.hops),
        money(r.amountMinor, c),
        r.nativeCurrency === c ? '' : money(r.nativeAmountMinor, r.nativeCurrency),
        money(r.heldMinor, c),
        r.endPoint ?? '',
      ]),
  );
  if (t.reached.length > 50) out += `… ${t.reached.length - 50} more (use --json for all)\n`;
  out += `\nFreeze candidates (${t.freezeCandidates.length})\n`;
  out += table(
    ['#', 'KIND', 'IDENTIFIER', `AMOUNT ${c}`, 'NATIVE', 'INSTITUTION'],
    t.freezeCandidates
      .slice(0, 30)
      .map((f, i) => [
        String(i + 1),
        f.kind,
        f.value,
        money(f.amountMinor, c),
        f.nativeCurrency === c ? '' : money(f.nativeAmountMinor, f.nativeCurrency),
        f.institution || '(unknown)',
      ]),
  );
  if (t.patterns.length > 0) {
    out += `\nPatterns (${t.patterns.length})\n`;
    for (const p of t.patterns.slice(0, 20)) out += `  ${p.kind}: ${p.detail}\n`;
  }
  return out;
}
