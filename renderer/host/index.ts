import type { HostApi } from '../../shared/ipc/contract';
import { HOST_GLOBAL } from '../../shared/ipc/methods';
import { asHostApi, webHostHandlers } from './web-host';

/**
 * The only door from the renderer to its host. Electron's preload puts the contract on window;
 * in a plain browser the web host provides the same contract. Nothing else in the renderer
 * asks which one it got.
 */
function resolveHost(): HostApi {
  const exposed = (globalThis as Record<string, unknown>)[HOST_GLOBAL];
  return exposed ? (exposed as HostApi) : asHostApi(webHostHandlers());
}

export const host: HostApi = resolveHost();
