import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, hostMethods } from '../../shared/ipc/methods';

/**
 * The real Electron binary cannot run here, so the main process is started against a mocked
 * `electron` module and the test checks what it asked Electron to do, in which order.
 */
const electron = vi.hoisted(() => {
  const calls: string[] = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  const ipcChannels: string[] = [];
  return { calls, ready, resolveReady, windows, appEvents, ipcChannels };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => electron.windows;
    record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      electron.windows.push(this.record);
      electron.calls.push('new BrowserWindow');
    }
    once() {}
    on() {}
    show() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      webRequest: { onBeforeRequest: () => electron.calls.push('session.onBeforeRequest') },
      setPermissionRequestHandler: () => electron.calls.push('session.permissions'),
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
      setSpellCheckerEnabled: () => {},
      on: () => {},
    },
  };
  return {
    app: {
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      on: (name: string, listener: (...args: unknown[]) => void) => electron.appEvents.set(name, listener),
      whenReady: () => electron.ready,
      isPackaged: true,
      getName: () => 'MoneyTrail',
      getVersion: () => '0.1.0',
      getPath: () => '/tmp',
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string) => electron.ipcChannels.push(channel) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        electron.calls.push(`privileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string) => electron.calls.push(`protocol.handle ${scheme}`),
    },
    session,
    dialog: {},
    safeStorage: {},
    powerMonitor: { on: (event: string) => electron.calls.push(`powerMonitor.on ${event}`) },
  };
});

describe('main process start-up', () => {
  beforeAll(async () => {
    await import('./index');
  });

  it('registers the app scheme as privileged before the app is ready', () => {
    expect(electron.calls[0]).toContain('privileged');
    expect(electron.calls[0]).toContain('"scheme":"app"');
    expect(electron.calls[0]).toContain('"secure":true');
    expect(electron.calls).not.toContain('new BrowserWindow');
  });

  it('hardens every web contents as it is created', () => {
    const onCreated = electron.appEvents.get('web-contents-created');
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    onCreated?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('on ready: blocks the network, serves app://, wires the contract, then opens a locked-down window', async () => {
    electron.resolveReady();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const order = electron.calls.filter((call) => !call.startsWith('privileged'));
    expect(order.indexOf('session.onBeforeRequest')).toBeLessThan(order.indexOf('new BrowserWindow'));
    expect(order.indexOf('protocol.handle app')).toBeLessThan(order.indexOf('new BrowserWindow'));
    expect(electron.ipcChannels.sort()).toEqual(hostMethods.map(channelOf).sort());
    const [window] = electron.windows;
    expect(window?.url).toBe('app://moneytrail/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
  });
});
