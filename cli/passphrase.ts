/**
 * The passphrase of a sealed case file, for scripts: from `--passphrase-file FILE` (its first line)
 * or the MONEYTRAIL_CASE_PASSPHRASE environment variable — never from a flag's value, which would
 * show in the shell history and in every process listing.
 */
import { readFileSync } from 'node:fs';
import { stringOption, UsageError } from './args';
import type { CliIo } from './io';

export const PASSPHRASE_ENV = 'MONEYTRAIL_CASE_PASSPHRASE';

export const passphraseOption = { 'passphrase-file': { type: 'string' } } as const;

export function casePassphrase(
  values: { 'passphrase-file'?: string | boolean },
  io: CliIo,
): string | undefined {
  const file = stringOption(values['passphrase-file']);
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(
        `--passphrase-file ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
    // The first line, without its line break: `echo phrase > file` must work, and a passphrase
    // may still begin or end with spaces.
    const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    if (first.length === 0) throw new UsageError(`--passphrase-file ${file}: the first line is empty`);
    return first;
  }
  const fromEnv = io.env(PASSPHRASE_ENV);
  return fromEnv === undefined || fromEnv.length === 0 ? undefined : fromEnv;
}
