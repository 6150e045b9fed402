import { app, dialog, powerMonitor, safeStorage, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { HostHandlers } from '../../../shared/ipc/contract';
import { fileHandlers } from './files';
import { screenLockHandlers } from './screen-lock';
import { secretHandlers } from './secrets';

/** The Electron host: one handler per contract method, grouped by feature. */
export function electronHostHandlers(window: () => BrowserWindow | null): HostHandlers {
  return {
    async getAppInfo() {
      return { name: app.getName(), version: app.getVersion(), host: 'electron', platform: process.platform };
    },
    ...fileHandlers({ dialog, window, defaultSaveFolder: () => app.getPath('documents') }),
    ...secretHandlers(safeStorage, path.join(app.getPath('userData'), 'keychain-wrapped-keys.json')),
    ...screenLockHandlers(powerMonitor),
  };
}
