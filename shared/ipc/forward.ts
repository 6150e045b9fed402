import { channelOf, hostMethods } from './methods';
import type { HostApi } from './contract';

/**
 * Builds the API the preload exposes: every method forwards its single request object over its
 * channel and passes the host's result back untouched. Nothing else is reachable from the page.
 */
export function forwardHostApi(invoke: (channel: string, request: unknown) => Promise<unknown>): HostApi {
  const api: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const method of hostMethods) {
    const channel = channelOf(method);
    api[method] = (request: unknown) => invoke(channel, request);
  }
  return Object.freeze(api) as unknown as HostApi;
}
