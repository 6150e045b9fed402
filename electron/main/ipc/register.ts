import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { prettifyError } from 'zod';
import { hostContract, type HostHandlers } from '../../../shared/ipc/contract';
import { channelOf, hostMethods, type HostMethod } from '../../../shared/ipc/methods';
import { failure, success, toFailure, type HostResult } from '../../../shared/ipc/result';
import { isAppUrl } from '../app-url';

/**
 * Wires every contract method to its handler. Each call is checked twice before the handler
 * sees it: the sender must be a frame of the app's own origin (not a navigated-away page or an
 * injected iframe), and the request must match the contract's schema exactly.
 */
export function registerHostHandlers(ipcMain: IpcMain, handlers: HostHandlers): void {
  for (const method of hostMethods) {
    ipcMain.handle(channelOf(method), (event, request: unknown) => handle(method, handlers, event, request));
  }
}

export async function handle(
  method: HostMethod,
  handlers: HostHandlers,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  request: unknown,
): Promise<HostResult<unknown>> {
  const senderUrl = event.senderFrame?.url ?? '';
  if (!isAppUrl(senderUrl)) {
    return failure('forbidden', `${method} refused: the request did not come from the MoneyTrail window`);
  }
  const parsed = hostContract[method].request.safeParse(request);
  if (!parsed.success) {
    return failure('invalid-request', `${method}: ${prettifyError(parsed.error)}`);
  }
  try {
    const handler = handlers[method] as (request: unknown) => Promise<unknown>;
    return success(await handler(parsed.data));
  } catch (error) {
    return toFailure(error);
  }
}
