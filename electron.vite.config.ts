import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.web.config';

export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: 'electron/main/index.ts' } } },
  },
  preload: {
    // A sandboxed preload runs as a classic script: one CommonJS file with everything bundled.
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: 'electron/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig('out/renderer'),
});
