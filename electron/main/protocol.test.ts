import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { registerAppProtocol, resolveAppFile, serveAppRequest } from './protocol';

function buildFolder(): string {
  const parent = mkdtempSync(path.join(tmpdir(), 'mt-protocol-'));
  const root = path.join(parent, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>MoneyTrail</title>');
  writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(path.join(parent, 'secret.txt'), 'outside the app folder');
  return root;
}

describe('app:// protocol', () => {
  const root = buildFolder();

  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile(root, 'app://moneytrail/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://moneytrail/assets/index.js')).toBe(
      path.join(root, 'assets', 'index.js'),
    );
  });

  // URL parsing already folds `..`; what is left must still land inside the renderer folder.
  it('refuses paths that escape the folder, other hosts and encoded tricks', () => {
    for (const url of [
      'app://moneytrail/../secret.txt',
      'app://moneytrail/%2e%2e/secret.txt',
      'app://moneytrail/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://moneytrail/..%5csecret.txt',
      'app://moneytrail/%00index.html',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://moneytrail/%E0%A4%A',
    ]) {
      const resolved = resolveAppFile(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep), url).toBe(true);
    }
  });

  it('serves files with the CSP and nosniff headers', async () => {
    const response = await serveAppRequest(root, new Request('app://moneytrail/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('MoneyTrail');
  });

  it('answers 404 for escapes and missing files, 405 for writes', async () => {
    expect((await serveAppRequest(root, new Request('app://moneytrail/../secret.txt'))).status).toBe(404);
    expect((await serveAppRequest(root, new Request('app://moneytrail/missing.js'))).status).toBe(404);
    expect(
      (await serveAppRequest(root, new Request('app://moneytrail/index.html', { method: 'POST', body: 'x' })))
        .status,
    ).toBe(405);
  });

  it('registers the handler on the app scheme', async () => {
    const handle = vi.fn();
    registerAppProtocol({ handle } as never, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('app://moneytrail/assets/index.js'))).status).toBe(200);
  });
});
