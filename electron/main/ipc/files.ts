import type { BrowserWindow, Dialog } from 'electron';
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { HostHandlers } from '../../../shared/ipc/contract';
import { pickPurposes, saveKinds } from '../../../shared/ipc/file-kinds';
import { HostError } from '../../../shared/ipc/result';

interface FileDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  window: () => BrowserWindow | null;
  defaultSaveFolder: () => string;
}

/**
 * Files cross the boundary as bytes, never as paths: the renderer cannot name a file on disk,
 * only the investigator can, in the host's own dialog.
 */
export function fileHandlers(deps: FileDeps): Pick<HostHandlers, 'openFiles' | 'saveFile'> {
  return {
    async openFiles({ purpose, multiple }) {
      const { extensions, maxBytes } = pickPurposes[purpose];
      const options = {
        properties: multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
        filters: [{ name: purpose, extensions: [...extensions] }],
      };
      const win = deps.window();
      const choice = win
        ? await deps.dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
        : await deps.dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      if (choice.canceled) return [];
      const files = [];
      for (const filePath of choice.filePaths) {
        const name = path.basename(filePath);
        const info = await stat(filePath).catch(() => null);
        if (!info || !info.isFile()) throw new HostError('file-unreadable', `${name} could not be read`);
        if (info.size > maxBytes) {
          throw new HostError(
            'file-too-large',
            `${name} is ${info.size} bytes; the limit for ${purpose} files is ${maxBytes}`,
          );
        }
        const bytes = await readFile(filePath).catch(() => {
          throw new HostError('file-unreadable', `${name} could not be read`);
        });
        files.push({ name, size: info.size, lastModified: info.mtimeMs, bytes: new Uint8Array(bytes) });
      }
      return files;
    },

    async saveFile({ suggestedName, kind, bytes }) {
      const win = deps.window();
      const options = {
        defaultPath: path.join(deps.defaultSaveFolder(), suggestedName),
        filters: [{ name: kind, extensions: [...saveKinds[kind]] }],
      };
      const choice = win
        ? await deps.dialog.showSaveDialog(win, options)
        : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeAtomically(choice.filePath, bytes);
      return { saved: true, name: path.basename(choice.filePath) };
    },
  };
}

/** Write beside the target and rename, so a crash or full disk never leaves half a packet. */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new HostError('write-failed', `${path.basename(target)} was not saved: ${reason}`);
  }
}
