/**
 * The names of everything the renderer may ask of its host. Kept apart from the schemas so the
 * sandboxed preload can forward calls without bundling the validator: validation belongs to main.
 */
export const hostMethods = [
  'getAppInfo',
  'openFiles',
  'saveFile',
  'getSecretStoreStatus',
  'storeSecret',
  'loadSecret',
  'forgetSecret',
  'awaitScreenLock',
] as const;

export type HostMethod = (typeof hostMethods)[number];

const CHANNEL_PREFIX = 'moneytrail:host:';

/** Channel names are derived, never written twice. */
export function channelOf(method: HostMethod): string {
  return CHANNEL_PREFIX + method;
}

/** The global name under which a host exposes its API to the renderer. */
export const HOST_GLOBAL = 'moneytrailHost';
