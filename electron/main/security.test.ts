import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedRequestUrl, isAppUrl } from './app-url';
import { hardenSession, hardenWebContents, secureWebPreferences } from './security';

type Listener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

function fakeSession() {
  const emitter = new EventEmitter();
  const state: {
    beforeRequest?: Listener;
    filter?: unknown;
    permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    permissionCheck?: () => boolean;
    deviceCheck?: () => boolean;
    spellChecker?: boolean;
  } = {};
  const session = {
    webRequest: {
      onBeforeRequest: (filter: unknown, listener: Listener) => {
        state.filter = filter;
        state.beforeRequest = listener;
      },
    },
    setPermissionRequestHandler: (handler: typeof state.permissionRequest) =>
      (state.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof state.permissionCheck) => (state.permissionCheck = handler),
    setDevicePermissionHandler: (handler: typeof state.deviceCheck) => (state.deviceCheck = handler),
    setSpellCheckerEnabled: (enabled: boolean) => (state.spellChecker = enabled),
    on: emitter.on.bind(emitter),
  };
  return { session, state, emitter };
}

function decide(listener: Listener | undefined, url: string): boolean {
  let cancelled: boolean | undefined;
  listener?.({ url }, ({ cancel }) => (cancelled = cancel));
  return cancelled as boolean;
}

describe('session hardening', () => {
  it('cancels every request that is not the app itself, for all URLs', () => {
    const { session, state } = fakeSession();
    const blocked: string[] = [];
    hardenSession(session as never, (message) => blocked.push(message));
    expect(state.filter).toEqual({ urls: ['<all_urls>'] });
    for (const url of [
      'https://fonts.googleapis.com/css?family=Inter',
      'http://127.0.0.1:8080/exfiltrate',
      'wss://example.org/socket',
      'file:///etc/passwd',
      'ftp://example.org/x',
      'app://other-host/index.html',
      'blob:https://evil.example/123',
    ]) {
      expect(decide(state.beforeRequest, url), url).toBe(true);
    }
    expect(blocked).toHaveLength(7);
    for (const url of [
      'app://moneytrail/index.html',
      'app://moneytrail/assets/index.js',
      'data:image/png;base64,AA',
      'blob:app://moneytrail/5f0c',
    ]) {
      expect(decide(state.beforeRequest, url), url).toBe(false);
    }
  });

  it('denies every permission request and check', () => {
    const { session, state } = fakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const granted = vi.fn();
      state.permissionRequest?.({}, permission, granted);
      expect(granted).toHaveBeenCalledWith(false);
    }
    expect(state.permissionCheck?.()).toBe(false);
    expect(state.deviceCheck?.()).toBe(false);
  });

  it('turns off the spell checker (it downloads dictionaries) and refuses browser downloads', () => {
    const { session, state, emitter } = fakeSession();
    hardenSession(session as never);
    expect(state.spellChecker).toBe(false);
    const event = { preventDefault: vi.fn() };
    emitter.emit('will-download', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('web contents hardening', () => {
  it('prevents navigation, redirects and webviews, and denies new windows', () => {
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler: (h: () => unknown) => void;
    };
    let openHandler: (() => unknown) | undefined;
    contents.setWindowOpenHandler = (handler) => (openHandler = handler);
    hardenWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://example.org');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('window preferences', () => {
  it('follow the Electron security checklist', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', false);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });
});

describe('app URLs', () => {
  it('recognise only the app origin', () => {
    expect(isAppUrl('app://moneytrail/index.html')).toBe(true);
    expect(isAppUrl('app://moneytrail.evil/index.html')).toBe(false);
    expect(isAppUrl('https://moneytrail/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(true);
  });
});
