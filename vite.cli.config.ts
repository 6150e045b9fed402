// Builds the `moneytrail` CLI (cli/main.ts) into self-contained ES modules for Node — the CLI and
// its extraction worker, sharing chunks: every dependency is bundled, so the launcher in bin/
// needs nothing but the built files.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: { __MONEYTRAIL_VERSION__: JSON.stringify(version) },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    outDir: new URL('./out/cli', import.meta.url).pathname,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      // The extraction worker is a second entry: a worker thread needs a file of its own.
      input: {
        moneytrail: new URL('./cli/main.ts', import.meta.url).pathname,
        'extract-worker': new URL('./cli/extract-worker.ts', import.meta.url).pathname,
      },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});
