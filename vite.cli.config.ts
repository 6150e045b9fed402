// Builds the `moneytrail` CLI (cli/main.ts) into one self-contained ES module for Node:
// every dependency is bundled, so the launcher in bin/ needs nothing but the built file.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: { __MONEYTRAIL_VERSION__: JSON.stringify(version) },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: new URL('./cli/main.ts', import.meta.url).pathname,
    outDir: new URL('./out/cli', import.meta.url).pathname,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'moneytrail.mjs' } },
  },
});
