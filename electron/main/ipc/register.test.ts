import { describe, expect, it, vi } from 'vitest';
import type { HostHandlers } from '../../../shared/ipc/contract';
import { channelOf, hostMethods } from '../../../shared/ipc/methods';
import { HostError } from '../../../shared/ipc/result';
import { registerHostHandlers } from './register';

function handlers(): HostHandlers {
  return {
    getAppInfo: vi.fn(async () => ({
      name: 'MoneyTrail',
      version: '0.1.0',
      host: 'electron' as const,
      platform: 'linux',
    })),
    openFiles: vi.fn(async () => []),
    saveFile: vi.fn(async () => ({ saved: true, name: 'a.zip' })),
    getSecretStoreStatus: vi.fn(async () => ({ available: false, backend: 'basic_text' })),
    storeSecret: vi.fn(async () => {
      throw new HostError('unavailable', 'no keychain');
    }),
    loadSecret: vi.fn(async () => null),
    forgetSecret: vi.fn(async () => {
      throw new Error('disk on fire');
    }),
    awaitScreenLock: vi.fn(async () => ({ reason: 'lock-screen' as const })),
  };
}

function register() {
  const registered = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, listener: never) => registered.set(channel, listener) };
  const impl = handlers();
  registerHostHandlers(ipcMain as never, impl);
  const call = (
    method: (typeof hostMethods)[number],
    request: unknown,
    url = 'app://moneytrail/index.html',
  ) => registered.get(channelOf(method))!({ senderFrame: { url } }, request);
  return { registered, impl, call };
}

describe('IPC registration', () => {
  it('registers one channel per contract method and nothing else', () => {
    const { registered } = register();
    expect([...registered.keys()].sort()).toEqual(hostMethods.map(channelOf).sort());
  });

  it('passes valid requests to the handler and wraps the answer', async () => {
    const { call, impl } = register();
    expect(await call('openFiles', { purpose: 'statement', multiple: true })).toEqual({
      ok: true,
      value: [],
    });
    expect(impl.openFiles).toHaveBeenCalledWith({ purpose: 'statement', multiple: true });
  });

  it('refuses requests from any other origin before validating or handling them', async () => {
    const { call, impl } = register();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', '']) {
      const result = await call('openFiles', { purpose: 'statement', multiple: true }, url);
      expect(result, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(impl.openFiles).not.toHaveBeenCalled();
  });

  it('refuses malformed arguments with a message naming the problem', async () => {
    const { call, impl } = register();
    const result = await call('saveFile', {
      suggestedName: '../../../etc/cron.d/x',
      kind: 'packet',
      bytes: new Uint8Array(1),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((result as { error: { message: string } }).error.message).toContain('suggestedName');
    expect(await call('openFiles', { purpose: 'statement', multiple: true, path: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(impl.saveFile).not.toHaveBeenCalled();
    expect(impl.openFiles).not.toHaveBeenCalled();
  });

  it('turns handler errors into results with their code', async () => {
    const { call } = register();
    expect(await call('storeSecret', { id: 'case-1', secret: 'k' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'no keychain' },
    });
    expect(await call('forgetSecret', { id: 'case-1' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
  });
});
