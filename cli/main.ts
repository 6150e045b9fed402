/**
 * The `moneytrail` CLI: dispatches to a command and turns usage mistakes into exit code 2 with
 * usage text. Built into out/cli/moneytrail.mjs (vite.cli.config.ts); bin/moneytrail.mjs runs it.
 */
import { UsageError } from './args';
import { importCommand } from './commands/import';
import { packetCommand } from './commands/packet';
import { summaryCommand } from './commands/summary';
import { traceCommand } from './commands/trace';
import { verifyCommand } from './commands/verify';
import { nodeIo, type CliIo } from './io';
import { IMPORT_USAGE, MAIN_USAGE, PACKET_USAGE, SUMMARY_USAGE, TRACE_USAGE, VERIFY_USAGE } from './usage';
import { CLI_VERSION } from './version';

const COMMANDS: Record<string, { run: (argv: string[], io: CliIo) => Promise<number>; usage: string }> = {
  import: { run: importCommand, usage: IMPORT_USAGE },
  summary: { run: summaryCommand, usage: SUMMARY_USAGE },
  trace: { run: traceCommand, usage: TRACE_USAGE },
  packet: { run: packetCommand, usage: PACKET_USAGE },
  verify: { run: verifyCommand, usage: VERIFY_USAGE },
};

/** Runs the CLI; returns the exit code instead of exiting, so tests and the launcher decide. */
export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(MAIN_USAGE);
    return 2;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.out(MAIN_USAGE);
    return 0;
  }
  if (name === '-V' || name === '--version') {
    io.out(`moneytrail ${CLI_VERSION}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`moneytrail: unknown command "${name}"\n\n${MAIN_USAGE}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`moneytrail ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    throw e;
  }
}
