/**
 * Page-side benchmark helpers are bundled for the browser from the app's own code and injected
 * into the built web host; this builds one of bench/web/*.ts into out/bench/<name>.js.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function bundlePageHelper(name: string): string {
  const out = join('out', 'bench', `${name}.js`);
  const built = spawnSync(
    join('node_modules', '.bin', 'esbuild'),
    [
      join('bench', 'web', `${name}.ts`),
      '--bundle',
      '--format=iife',
      '--platform=browser',
      `--outfile=${out}`,
      '--log-level=error',
    ],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error(`could not bundle bench/web/${name}.ts`);
  return out;
}
