/** `moneytrail verify PACKET.zip [--expect FINGERPRINT]`: checks a seizure packet's signed manifest. */
import { readFileSync } from 'node:fs';
import { verifyPacket } from '../../shared/packet/verify';
import { parse, UsageError } from '../args';
import type { CliIo } from '../io';
import { VERIFY_USAGE } from '../usage';

/** Fingerprints compare without spaces or case, as people copy them from a letter or the app. */
const normalize = (fp: string) => fp.replace(/\s+/g, '').toUpperCase();

export async function verifyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    expect: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(VERIFY_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('verify needs exactly one PACKET.zip');
  const path = positionals[0] as string;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    io.err(`moneytrail: cannot read ${path}: ${(e as Error).message}\n`);
    return 1;
  }
  const expected = typeof values.expect === 'string' ? values.expect : undefined;
  const result = verifyPacket(bytes);
  if (!result.ok) {
    const lines = [`FAILED ${path}`];
    if (result.badSignature) lines.push(`  manifest.json: signature or manifest invalid`);
    for (const f of result.altered) lines.push(`  altered: ${f}`);
    for (const f of result.added) lines.push(`  added:   ${f}`);
    for (const f of result.missing) lines.push(`  missing: ${f}`);
    if (lines.length === 1) lines.push(`  ${result.message}`);
    if (result.fingerprint) lines.push(`  signer fingerprint (claimed): ${result.fingerprint}`);
    io.err(`${lines.join('\n')}\n`);
    return 3;
  }
  if (expected !== undefined && normalize(expected) !== normalize(result.fingerprint)) {
    io.err(`FAILED ${path}\n  intact, but signed by ${result.fingerprint}, not the expected ${expected}\n`);
    return 3;
  }
  io.out(`OK\nsigner fingerprint: ${result.fingerprint}\n`);
  return 0;
}
