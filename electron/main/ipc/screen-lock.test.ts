import { describe, expect, it } from 'vitest';
import { screenLockHandlers } from './screen-lock';

function fakePowerMonitor() {
  const listeners = new Map<string, () => void>();
  return {
    on: ((event: string, listener: () => void) => {
      listeners.set(event, listener);
    }) as never,
    emit: (event: string) => listeners.get(event)?.(),
  };
}

describe('screen lock', () => {
  it('answers every waiting request when the OS screen locks, and waits again afterwards', async () => {
    const monitor = fakePowerMonitor();
    const handlers = screenLockHandlers(monitor);
    const first = handlers.awaitScreenLock(undefined);
    const second = handlers.awaitScreenLock(undefined);
    monitor.emit('lock-screen');
    await expect(first).resolves.toEqual({ reason: 'lock-screen' });
    await expect(second).resolves.toEqual({ reason: 'lock-screen' });

    let settled = false;
    const next = handlers.awaitScreenLock(undefined).then((answer) => {
      settled = true;
      return answer;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    monitor.emit('suspend');
    await expect(next).resolves.toEqual({ reason: 'suspend' });
  });
});
