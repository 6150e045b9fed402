import type { PowerMonitor } from 'electron';
import type { HostHandlers } from '../../../shared/ipc/contract';

/**
 * The OS screen lock and sleep lock every open case. The contract has no events (the page gets
 * requests and answers, nothing else), so the renderer asks "tell me when the screen locks" and
 * the answer comes when it does; every waiting request is answered at once.
 */
export function screenLockHandlers(
  powerMonitor: Pick<PowerMonitor, 'on'>,
): Pick<HostHandlers, 'awaitScreenLock'> {
  const waiting: ((answer: { reason: 'lock-screen' | 'suspend' }) => void)[] = [];
  const release = (reason: 'lock-screen' | 'suspend') => {
    for (const resolve of waiting.splice(0)) resolve({ reason });
  };
  powerMonitor.on('lock-screen', () => release('lock-screen'));
  powerMonitor.on('suspend', () => release('suspend'));
  return {
    awaitScreenLock: () => new Promise((resolve) => waiting.push(resolve)),
  };
}
