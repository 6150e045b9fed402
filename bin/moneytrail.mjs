#!/usr/bin/env node
// Launcher for the built CLI. The CLI is TypeScript bundled by `npm run build:cli` into
// out/cli/moneytrail.mjs; this file only finds it, so `npx moneytrail` works after `npm install`.
import { existsSync } from 'node:fs';

const built = new URL('../out/cli/moneytrail.mjs', import.meta.url);

if (!existsSync(built)) {
  process.stderr.write(
    'moneytrail: the CLI is not built yet. Run `npm run build:cli` in the MoneyTrail folder.\n',
  );
  process.exit(1);
}

// `moneytrail summary CASE | head`: a closed pipe ends the output, it is not a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
