/**
 * `moneytrail trace CASE --from IDENTIFIER [--from ...] [--direction down|up]
 * [--method pro-rata|fifo|lifo|poisoned] [--max-hops N] [--min-amount A] [--paths N] [--json]`.
 * Read-only: the case file is not changed (the app records trace runs in its audit log).
 */
import { caseDayEnd, caseDayStart } from '../../shared/format/case-day';
import { runTrace, SeedNotFoundError } from '../../shared/investigate';
import { parseThresholdOverrides, ThresholdError } from '../../shared/patterns';
import type { TraceDirection, TraceMethod } from '../../shared/trace';
import { count, oneOf, parse, stringOption, UsageError } from '../args';
import { bankDirectory } from '../banks';
import { loadCase } from '../case-store';
import { casePassphrase, passphraseOption } from '../passphrase';
import type { CliIo } from '../io';
import { writeJson } from '../json-out';
import { renderTrace } from '../render-trace';
import { TRACE_USAGE } from '../usage';

const METHODS: readonly TraceMethod[] = ['pro-rata', 'fifo', 'lifo', 'poisoned'];
const DIRECTIONS: readonly TraceDirection[] = ['down', 'up'];

export async function traceCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    from: { type: 'string', multiple: true },
    direction: { type: 'string' },
    method: { type: 'string' },
    'max-hops': { type: 'string' },
    'min-amount': { type: 'string' },
    paths: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    'stop-at': { type: 'string', multiple: true },
    'continue-through': { type: 'string', multiple: true },
    threshold: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    ...passphraseOption,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(TRACE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('trace needs exactly one CASE');
  const from = (values.from as unknown as string[] | undefined) ?? [];
  if (from.length === 0) throw new UsageError('trace needs at least one --from IDENTIFIER');
  const direction = oneOf(stringOption(values.direction) ?? 'down', DIRECTIONS, '--direction');
  const method = oneOf(stringOption(values.method) ?? 'pro-rata', METHODS, '--method');
  const maxHops = count(stringOption(values['max-hops']), '--max-hops', 6);
  const pathsPerNode = count(stringOption(values.paths), '--paths', 5);
  const minAmount = stringOption(values['min-amount']);
  const minMajor = minAmount === undefined ? 0 : Number(minAmount.replace(',', '.'));
  if (!Number.isFinite(minMajor) || minMajor < 0)
    throw new UsageError('--min-amount must be a non-negative number');

  const day = (flag: 'since' | 'until') => {
    const text = stringOption(values[flag]);
    if (text === undefined) return undefined;
    const ms = flag === 'since' ? caseDayStart(text) : caseDayEnd(text);
    if (ms === null) throw new UsageError(`--${flag} must be a day as YYYY-MM-DD (got "${text}")`);
    return ms;
  };
  const since = day('since');
  const until = day('until');
  const stopAtKeys = (values['stop-at'] as unknown as string[] | undefined) ?? [];
  const continueThroughKeys = (values['continue-through'] as unknown as string[] | undefined) ?? [];
  let patternThresholds;
  try {
    patternThresholds = parseThresholdOverrides((values.threshold as unknown as string[] | undefined) ?? []);
  } catch (e) {
    if (e instanceof ThresholdError) throw new UsageError(`--threshold ${e.message}`);
    throw e;
  }
  const casePath = positionals[0] as string;
  const passphrase = casePassphrase(values, io);
  let data;
  try {
    ({ data } = await loadCase(casePath, passphrase));
  } catch (e) {
    io.err(`moneytrail: cannot open case ${casePath}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const answer = runTrace(
      { sources: data.sources, decisions: data.decisions ?? [] },
      {
        from,
        direction,
        method,
        maxHops,
        minAmount: minMajor,
        pathsPerNode,
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        stopAtKeys,
        continueThroughKeys,
        patternThresholds,
      },
      bankDirectory(),
    );
    if (values.json) writeJson(answer.json, io.out);
    else io.out(renderTrace(answer.json));
    return 0;
  } catch (e) {
    if (e instanceof SeedNotFoundError) {
      io.err(`moneytrail trace: ${e.problems.map((p) => p.problem).join('\n')}\n`);
      return 1;
    }
    throw e;
  }
}
