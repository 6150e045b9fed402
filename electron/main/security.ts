import type { Session, WebContents } from 'electron';
import { isAllowedRequestUrl } from './app-url';

/**
 * Electron's security checklist, applied to the session and to every web contents. The app is
 * offline by design: a request that is not the app's own is a bug or an attack, never a feature.
 */
export function hardenSession(session: Session, log: (message: string) => void = () => {}): void {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log(`blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });
  // Camera, geolocation, notifications, clipboard-read, MIDI, HID...: none are needed.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Spell-check dictionaries are downloaded from Google's CDN on first use.
  session.setSpellCheckerEnabled(false);
  // Files are saved only through the host's save dialog, never as browser downloads.
  session.on('will-download', (event) => event.preventDefault());
}

export function hardenWebContents(contents: WebContents): void {
  // A single-page app never navigates; a navigation is a link click, a drop or an injected script.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The webPreferences every window gets; exported so a test can assert each one. */
export function secureWebPreferences(preloadPath: string, allowDevTools: boolean) {
  return {
    preload: preloadPath,
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
    spellcheck: false,
    safeDialogs: true,
    devTools: allowDevTools,
  } as const;
}
