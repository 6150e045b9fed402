import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startKeySession, type LockReason } from './auto-lock';
import { CaseLockedError } from './errors';
import type { CaseKeys } from './keyring';

const fakeKeys = () => {
  let disposed = false;
  return {
    keyId: 'k',
    dataKey: {},
    indexKey: {},
    get disposed() {
      return disposed;
    },
    dispose: vi.fn(() => {
      disposed = true;
    }),
  } as unknown as CaseKeys & { dispose: ReturnType<typeof vi.fn> };
};

const IDLE = 10 * 60_000;

describe('auto-lock', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('locks after the idle time and disposes the keys', () => {
    const keys = fakeKeys();
    const locks: LockReason[] = [];
    const session = startKeySession(keys, { idleMs: IDLE, onLock: (r) => locks.push(r) });
    vi.advanceTimersByTime(IDLE - 1);
    expect(session.keys()).toBe(keys);
    vi.advanceTimersByTime(1);
    expect(session.locked).toBe(true);
    expect(keys.dispose).toHaveBeenCalledOnce();
    expect(locks).toEqual(['idle']);
    expect(() => session.keys()).toThrow(CaseLockedError);
  });

  it('restarts the idle period on user activity, not on key use', () => {
    const session = startKeySession(fakeKeys(), { idleMs: IDLE });
    vi.advanceTimersByTime(IDLE - 1000);
    session.touch();
    vi.advanceTimersByTime(IDLE - 1000);
    session.keys();
    expect(session.locked).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(session.locked).toBe(true);
  });

  it('locks after a suspend even though no timer ran', () => {
    const session = startKeySession(fakeKeys(), { idleMs: IDLE });
    vi.setSystemTime(Date.now() + IDLE + 1); // the clock jumps, timers do not fire
    expect(() => session.keys()).toThrow(CaseLockedError);
    const other = startKeySession(fakeKeys(), { idleMs: IDLE });
    vi.setSystemTime(Date.now() + IDLE + 1);
    other.touch(); // coming back after the idle time does not revive the keys
    expect(other.locked).toBe(true);
  });

  it('stays unlocked while busy, then counts idle time from the end of the task', async () => {
    const session = startKeySession(fakeKeys(), { idleMs: IDLE });
    let finish!: () => void;
    const running = session.whileBusy(() => new Promise<void>((resolve) => (finish = resolve)));
    vi.advanceTimersByTime(3 * IDLE);
    expect(session.locked).toBe(false);
    expect(vi.getTimerCount()).toBe(0); // no spinning timer while busy
    finish();
    await running;
    vi.advanceTimersByTime(IDLE - 1);
    expect(session.locked).toBe(false);
    vi.advanceTimersByTime(1);
    expect(session.locked).toBe(true);
    await expect(session.whileBusy(async () => 1)).rejects.toBeInstanceOf(CaseLockedError);
  });

  it('locks on demand, once', () => {
    const keys = fakeKeys();
    const onLock = vi.fn();
    const session = startKeySession(keys, { idleMs: IDLE, onLock });
    session.lock();
    session.lock();
    expect(onLock).toHaveBeenCalledExactlyOnceWith('manual');
    expect(keys.dispose).toHaveBeenCalledOnce();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes a new idle time at once, counted from the last activity', () => {
    const session = startKeySession(fakeKeys(), { idleMs: IDLE });
    vi.advanceTimersByTime(4 * 60_000);
    session.setIdleMs(5 * 60_000);
    vi.advanceTimersByTime(60_000 - 1);
    expect(session.locked).toBe(false);
    vi.advanceTimersByTime(1);
    expect(session.locked).toBe(true);
    const longer = startKeySession(fakeKeys(), { idleMs: IDLE });
    longer.setIdleMs(2 * IDLE);
    vi.advanceTimersByTime(IDLE);
    expect(longer.locked).toBe(false);
    longer.setIdleMs(IDLE); // already idle that long
    expect(longer.locked).toBe(true);
  });
});
