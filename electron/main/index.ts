import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronHostHandlers } from './ipc';
import { registerHostHandlers } from './ipc/register';
import { appSchemePrivileges, registerAppProtocol } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

// Before `ready`: the scheme must be privileged to get an origin, storage and WebCrypto.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same IndexedDB; focus the first one instead.
  app.quit();
}

let mainWindow: BrowserWindow | null = null;

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void app.whenReady().then(() => {
  hardenSession(session.defaultSession, (message) => console.warn(message));
  registerAppProtocol(protocol, rendererDir);
  registerHostHandlers(
    ipcMain,
    electronHostHandlers(() => mainWindow),
  );
  mainWindow = createMainWindow(preloadPath, !app.isPackaged);
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0)
      mainWindow = createMainWindow(preloadPath, !app.isPackaged);
  });
});
