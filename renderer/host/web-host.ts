import type { HostApi, HostHandlers, PickedFile } from '../../shared/ipc/contract';
import { hostMethods } from '../../shared/ipc/methods';
import { pickPurposes, type PickPurpose } from '../../shared/ipc/file-kinds';
import { HostError, success, toFailure } from '../../shared/ipc/result';

/**
 * The host contract implemented with plain browser APIs, so the same renderer runs in Chromium
 * without Electron: file inputs instead of open dialogs, downloads instead of save dialogs, and
 * no OS keychain (the passphrase is then the only way to unlock, which is always allowed).
 */
export function webHostHandlers(doc: Document = document): HostHandlers {
  return {
    async getAppInfo() {
      return { name: 'MoneyTrail', version: __APP_VERSION__, host: 'web', platform: navigator.platform };
    },
    async openFiles({ purpose, multiple }) {
      const files = await pickFiles(doc, purpose, multiple);
      const { maxBytes } = pickPurposes[purpose];
      const picked: PickedFile[] = [];
      for (const file of files) {
        if (file.size > maxBytes) {
          throw new HostError(
            'file-too-large',
            `${file.name} is ${file.size} bytes; the limit for ${purpose} files is ${maxBytes}`,
          );
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        picked.push({ name: file.name, size: file.size, lastModified: file.lastModified, bytes });
      }
      return picked;
    },
    async saveFile({ suggestedName, bytes }) {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      const link = doc.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      doc.body.append(link);
      link.click();
      link.remove();
      // The download has started by now; keep the URL alive briefly for slow disks.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true, name: suggestedName };
    },
    async getSecretStoreStatus() {
      return { available: false, backend: 'none' };
    },
    async storeSecret() {
      throw new HostError('unavailable', 'This browser has no operating system keychain; use the passphrase');
    },
    async loadSecret() {
      return null;
    },
    async forgetSecret() {
      return null;
    },
    // A browser page cannot see the OS screen lock: this never answers, and the idle auto-lock
    // (which a locked screen soon triggers) is what locks cases in the web host.
    awaitScreenLock() {
      return new Promise(() => {});
    },
  };
}

function pickFiles(doc: Document, purpose: PickPurpose, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.accept = pickPurposes[purpose].extensions.map((ext) => `.${ext}`).join(',');
    input.style.display = 'none';
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    doc.body.append(input);
    input.click();
  });
}

/** Wraps handlers so they answer with results exactly as the Electron host does. */
export function asHostApi(handlers: HostHandlers): HostApi {
  const api: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const method of hostMethods) {
    const handler = handlers[method] as (request: unknown) => Promise<unknown>;
    api[method] = async (request: unknown) => {
      try {
        return success(await handler(request));
      } catch (error) {
        return toFailure(error);
      }
    };
  }
  return api as unknown as HostApi;
}
