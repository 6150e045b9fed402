/**
 * Entity resolution of a case-sized mention stream (default 1,000,000 mentions over ~150,000
 * distinct identifiers, a fifth of them masked cards). Floor: grouping the mentions by
 * kind + value in one Map, which any resolver has to do; full: `resolveEntities` with bank and
 * holder metadata and masked-card resolution.
 */
import { card, iin, int, kzIban, maskCardCompact, phone, pick, rng, tronAddress } from '../shared/demo/ids';
import { resolveEntities, type IdentifierKind, type ResolveMention } from '../shared/identifiers';
import { arg, report, timed } from './measure';

const count = Number(arg('--rows', '1000000'));
const mode = arg('--mode');
const random = rng(4242 + 3);
const BINS = ['440043', '440563', '400303', '539545', '404932', '517792'];

const cards = Array.from({ length: 50_000 }, () => card(random, pick(random, BINS)));
const pools: Record<string, string[]> = {
  card: cards,
  card_masked: Array.from({ length: 30_000 }, (_, i) =>
    // Two in three masks belong to a card of the case; the rest to cards never seen in full.
    maskCardCompact(i % 3 === 2 ? card(random, pick(random, BINS)) : (cards[i] ?? '')),
  ),
  phone: Array.from({ length: 30_000 }, () => phone(random)),
  iban: Array.from({ length: 20_000 }, () => kzIban(random, pick(random, ['722', '601', '965']))),
  iin: Array.from({ length: 15_000 }, () => iin(random)),
  tron: Array.from({ length: 5_000 }, () => tronAddress(random)),
};
const KINDS = Object.keys(pools) as IdentifierKind[];
const BANKS = ['KASPI', 'HALYK', 'FORTE'];

const mentions: ResolveMention<number>[] = [];
for (let i = 0; i < count; i++) {
  const kind = pick(random, KINDS);
  const pool = pools[kind] ?? [];
  // Skewed: a few identifiers (the drops) appear in thousands of rows, most in a handful.
  const value = pool[Math.floor(pool.length * random() ** 2)] ?? '';
  const m: ResolveMention<number> = { kind, value, ref: i };
  if (random() < 0.1) m.bank = pick(random, BANKS);
  if (random() < 0.05) m.holder = `Holder ${int(random, 1, 5000)}`;
  mentions.push(m);
}
const bytes = mentions.reduce((n, m) => n + m.value.length * 2, 0);

if (mode === 'floor') {
  const { value: groups, seconds } = timed(() => {
    const map = new Map<string, number[]>();
    for (const m of mentions) {
      const key = `${m.kind}:${m.value}`;
      const list = map.get(key);
      if (list) list.push(m.ref);
      else map.set(key, [m.ref]);
    }
    return map.size;
  });
  report({
    case: 'resolve floor (Map group by kind:value)',
    rows: count,
    bytes,
    seconds,
    extra: { entities: groups },
  });
} else {
  const { value, seconds } = timed(() => resolveEntities(mentions));
  const masked = value.entities.filter((e) => e.kind === 'card_masked');
  report({
    case: 'resolveEntities',
    rows: count,
    bytes,
    seconds,
    extra: {
      entities: value.entities.length,
      maskedResolved: masked.filter((e) => e.resolution?.status === 'resolved').length,
      maskedAmbiguous: masked.filter((e) => e.resolution?.status === 'ambiguous').length,
      maskedUnresolved: masked.filter((e) => e.resolution?.status === 'unresolved').length,
    },
  });
}
