#!/usr/bin/env node
// Serves the built renderer (out/web) on loopback for machines without the Electron binary and
// for the end-to-end tests. Same CSP and security headers as Electron's app:// protocol.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `--root DIR` serves another build (a benchmark builds its own, so a concurrent build of out/web
// cannot swap files under it).
const argRoot = process.argv.indexOf('--root');
const root =
  argRoot > 0
    ? path.resolve(process.argv[argRoot + 1])
    : path.resolve(fileURLToPath(new URL('../out/web', import.meta.url)));
const policy = JSON.parse(
  await readFile(new URL('../shared/security/content-security-policy.json', import.meta.url), 'utf8'),
);
const csp = Object.entries({ ...policy.directives, ...policy.headerOnly })
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
};

const argPort = process.argv.indexOf('--port');
const port = Number(argPort > 0 ? process.argv[argPort + 1] : (process.env.PORT ?? 5174));

try {
  await stat(path.join(root, 'index.html'));
} catch {
  console.error(
    'out/web/index.html is missing: run `npm run build:web` first (npm run start:web does both).',
  );
  process.exit(1);
}

const server = createServer(async (request, response) => {
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, headers).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    response.writeHead(400, headers).end();
    return;
  }
  const file = path.resolve(root, pathname === '/' ? 'index.html' : `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    response.writeHead(404, headers).end();
    return;
  }
  try {
    const body = await readFile(file);
    headers['Content-Type'] = types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, headers).end('Not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`MoneyTrail (web host) at http://127.0.0.1:${port}/ — open it in Chromium; Ctrl+C stops.`);
});
