/** `moneytrail summary CASE [--json]`: the case summary as JSON (public interface) or as tables. */
import { summarizeCase } from '../../shared/case/summary';
import { parse, UsageError } from '../args';
import { loadCase } from '../case-store';
import { casePassphrase, passphraseOption } from '../passphrase';
import type { CliIo } from '../io';
import { writeJson } from '../json-out';
import { renderSummary } from '../render-summary';
import { SUMMARY_USAGE } from '../usage';

export async function summaryCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    ...passphraseOption,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(SUMMARY_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('summary needs exactly one CASE');
  const casePath = positionals[0] as string;
  const passphrase = casePassphrase(values, io);
  let summary;
  try {
    summary = summarizeCase((await loadCase(casePath, passphrase)).data);
  } catch (e) {
    io.err(`moneytrail: cannot open case ${casePath}: ${(e as Error).message}\n`);
    return 1;
  }
  if (values.json) writeJson(summary, io.out);
  else io.out(renderSummary(summary));
  return 0;
}
