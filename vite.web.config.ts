import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { cspForMetaTag } from './shared/security/csp';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The CSP comes from shared/security so the meta tag can never drift from the hosts' headers. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'moneytrail-csp',
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', cspForMetaTag),
  };
}

/** The renderer build, shared by Electron (out/renderer) and the web host (out/web). */
export function rendererConfig(outDir: string): UserConfig {
  return {
    root: 'renderer',
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: new URL(`./${outDir}`, import.meta.url).pathname,
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: false,
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: new URL('./renderer/index.html', import.meta.url).pathname },
    },
    worker: { format: 'es' },
  };
}

export default defineConfig(rendererConfig('out/web'));
