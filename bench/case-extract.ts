/**
 * Identifier extraction on planted descriptions: speed against a floor of one bare regex pass
 * over the same texts, and the quality numbers that matter to an investigator — recall on the
 * planted real identifiers, precision of everything reported, and the count of look-alikes
 * (broken checksums, order ids, dates, amounts, references) accepted, which must stay 0.
 */
import { rng } from '../shared/demo/ids';
import { extractIdentifiers, type Mention } from '../shared/identifiers';
import { arg, report, timed } from './measure';
import { plantDescription, type Planted } from './plant';

const rows = Number(arg('--rows', '200000'));
const mode = arg('--mode');
const random = rng(4242 + 2);
const planted: Planted[] = Array.from({ length: rows }, () => plantDescription(random));
const bytes = planted.reduce((n, p) => n + p.text.length * 2, 0);

if (mode === 'floor') {
  const CANDIDATE = /\d[\d *-]{10,22}\d|[T13][1-9A-HJ-NP-Za-km-z]{25,33}|0x[0-9a-fA-F]{40}|KZ\d{2}\w{16}/g;
  const { value: hits, seconds } = timed(() => {
    let n = 0;
    for (const p of planted) n += p.text.match(CANDIDATE)?.length ?? 0;
    return n;
  });
  report({ case: 'extract floor (one regex pass)', rows, bytes, seconds, extra: { candidates: hits } });
} else {
  const { value: found, seconds } = timed(() => planted.map((p) => extractIdentifiers(p.text).mentions));
  let real = 0;
  let recalled = 0;
  let mentions = 0;
  let truePositive = 0;
  let acceptedTraps = 0;
  planted.forEach((p, i) => {
    const list: Mention[] = found[i] ?? [];
    mentions += list.length;
    real += p.real.length;
    const unused = [...list];
    for (const r of p.real) {
      const j = unused.findIndex((m) => m.kind === r.kind && m.value === r.value);
      if (j >= 0) {
        recalled++;
        truePositive++;
        unused.splice(j, 1);
      }
    }
    for (const trap of p.traps) {
      const start = p.text.indexOf(trap);
      const end = start + trap.length;
      if (list.some((m) => m.start < end && m.end > start)) acceptedTraps++;
    }
  });
  report({
    case: 'extractIdentifiers',
    rows,
    bytes,
    seconds,
    extra: {
      plantedReal: real,
      recalled,
      recall: recalled / real,
      mentions,
      precision: mentions === 0 ? 1 : truePositive / mentions,
      traps: planted.reduce((n, p) => n + p.traps.length, 0),
      acceptedTraps,
    },
  });
}
