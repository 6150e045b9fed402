import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { secureWebPreferences } from './security';

export function createMainWindow(preloadPath: string, allowDevTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'MoneyTrail',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preloadPath, allowDevTools),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
