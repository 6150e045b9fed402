/**
 * Holds an unlocked case's keys and locks (disposes them) after `idleMs` without user activity.
 * Timers alone are not trusted: a suspended laptop does not run them, so every access also
 * compares the wall clock with the last activity and locks if the idle time has passed.
 */
import { CaseLockedError } from './errors';
import type { CaseKeys } from './keyring';

/** Why keys were dropped: idle time, the Lock button, or the OS locking its screen or sleeping. */
export type LockReason = 'idle' | 'manual' | 'screen';

export interface AutoLockOptions {
  idleMs: number;
  onLock?: (reason: LockReason) => void;
  /** Injected in tests. */
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface KeySession {
  /** The keys, or CaseLockedError. Does not count as activity: background work is not a user. */
  keys(): CaseKeys;
  /** Call on user input (keys, pointer): restarts the idle period. */
  touch(): void;
  /** Keeps the case unlocked while `task` runs (an import must not lose its keys halfway). */
  whileBusy<T>(task: () => Promise<T>): Promise<T>;
  lock(reason?: LockReason): void;
  /** A new idle time (the investigator changed the preference), counted from the last activity. */
  setIdleMs(idleMs: number): void;
  readonly locked: boolean;
}

export function startKeySession(initial: CaseKeys, options: AutoLockOptions): KeySession {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let idleMs = options.idleMs;
  let keys: CaseKeys | undefined = initial;
  let lastActivity = now();
  let busy = 0;
  let timer: unknown;

  const lockNow = (reason: LockReason) => {
    if (!keys) return;
    keys.dispose();
    keys = undefined;
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    options.onLock?.(reason);
  };
  const expired = () => busy === 0 && now() - lastActivity >= idleMs;
  const schedule = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    if (!keys) return;
    const remaining = Math.max(0, lastActivity + idleMs - now());
    timer = setTimer(() => {
      timer = undefined;
      // While busy, whileBusy reschedules when the task ends; rescheduling here would spin.
      if (busy > 0) return;
      if (expired()) lockNow('idle');
      else schedule();
    }, remaining);
  };
  schedule();

  return {
    keys() {
      if (keys && expired()) lockNow('idle');
      if (!keys) throw new CaseLockedError();
      return keys;
    },
    touch() {
      if (!keys) return;
      if (expired()) return lockNow('idle');
      lastActivity = now();
      schedule();
    },
    async whileBusy(task) {
      this.keys(); // refuse to start on a locked case
      busy++;
      try {
        return await task();
      } finally {
        busy--;
        lastActivity = Math.max(lastActivity, now());
        schedule();
      }
    },
    lock: (reason: LockReason = 'manual') => lockNow(reason),
    setIdleMs(next) {
      idleMs = next;
      if (keys && expired()) return lockNow('idle');
      schedule();
    },
    get locked() {
      return keys === undefined;
    },
  };
}
