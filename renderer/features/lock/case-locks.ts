import { useSyncExternalStore } from 'react';
import {
  portableKeys,
  startKeySession,
  type CaseKeys,
  type KeySession,
  type LockReason,
  type PortableCaseKeys,
} from '../../../shared/crypto';
import { preferences } from '../../app/preferences';
import { caseStore } from '../../db';
import { forgetCaseKeys, provideCaseKeys } from '../../db/case-keys';

/**
 * The page's unlocked cases: one key session each (shared/crypto/auto-lock), registered with the
 * store so its repositories can read and write the case. Locking — the Lock button, the idle
 * time, or a session noticing the idle time passed while the laptop slept — disposes the keys,
 * withdraws them from the store and tells the screens, which return to the unlock screen.
 * Keys live only here, in memory: a reload or a closed window locks every case.
 */
const sessions = new Map<string, KeySession>();
const listeners = new Set<() => void>();
const lockWatchers = new Map<string, Set<(reason: LockReason) => void>>();
/** Why each case last locked in this window, for its unlock screen to say. */
const reasons = new Map<string, LockReason>();
let version = 0;

const minutes = (value: number) => value * 60_000;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function locked(caseId: string, reason: LockReason): void {
  sessions.delete(caseId);
  reasons.set(caseId, reason);
  forgetCaseKeys(caseStore, caseId);
  for (const watcher of lockWatchers.get(caseId) ?? []) watcher(reason);
  changed();
}

export const caseLocks = {
  /** Takes the keys of a case just unlocked (or just created): they now belong to its session. */
  hold(caseId: string, keys: CaseKeys): void {
    sessions.get(caseId)?.lock();
    const session = startKeySession(keys, {
      idleMs: minutes(preferences.autoLockMinutes()),
      onLock: (reason) => locked(caseId, reason),
    });
    sessions.set(caseId, session);
    provideCaseKeys(caseStore, caseId, () => session.keys());
    changed();
  },

  lock(caseId: string): void {
    sessions.get(caseId)?.lock();
  },

  lockAll(reason: LockReason = 'manual'): void {
    for (const session of [...sessions.values()]) session.lock(reason);
  },

  lastLockReason(caseId: string): LockReason | undefined {
    return reasons.get(caseId);
  },

  isUnlocked(caseId: string): boolean {
    const session = sessions.get(caseId);
    if (!session) return false;
    try {
      session.keys(); // locks now if the idle time passed while timers were asleep
      return true;
    } catch {
      return false;
    }
  },

  /** What to post to a worker for this case: its keys, or null for an unencrypted or locked case. */
  keysForWorker(caseId: string): PortableCaseKeys | null {
    const session = sessions.get(caseId);
    return session && !session.locked ? portableKeys(session.keys()) : null;
  },

  /** Keeps the case unlocked while `task` runs (an import must not lose its keys halfway). */
  whileBusy<T>(caseId: string, task: () => Promise<T>): Promise<T> {
    const session = sessions.get(caseId);
    return session ? session.whileBusy(task) : task();
  },

  /** The investigator is here: every unlocked case restarts its idle period. */
  touch(): void {
    for (const session of sessions.values()) session.touch();
  },

  setIdleMinutes(value: number): void {
    preferences.setAutoLockMinutes(value);
    for (const session of [...sessions.values()]) session.setIdleMs(minutes(value));
  },

  /** Called when `caseId` locks, for work that must stop with it (a running import). */
  onLocked(caseId: string, watcher: (reason: LockReason) => void): () => void {
    let set = lockWatchers.get(caseId);
    if (!set) lockWatchers.set(caseId, (set = new Set()));
    set.add(watcher);
    return () => set.delete(watcher);
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Re-renders when any case locks or unlocks; the number changes each time (for query deps). */
export function useLockVersion(): number {
  return useSyncExternalStore(caseLocks.subscribe, () => version);
}

/**
 * Every open case locks when the OS locks its screen or goes to sleep (where the host can tell:
 * Electron; a browser page cannot, and its idle auto-lock covers it). Returns a stop function.
 */
export function watchScreenLock(awaitScreenLock: () => Promise<{ ok: boolean }>): () => void {
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const answer = await awaitScreenLock();
      if (stopped) return;
      if (!answer.ok) return; // a host that cannot tell says so once; asking again would spin
      caseLocks.lockAll('screen');
    }
  })();
  return () => {
    stopped = true;
  };
}

/** User input restarts the idle period; at most once a second, input events come in bursts. */
export function watchActivity(target: Window = window): () => void {
  let last = 0;
  const onActivity = () => {
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    caseLocks.touch();
  };
  const events = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
  for (const name of events) target.addEventListener(name, onActivity, { passive: true, capture: true });
  return () => {
    for (const name of events) target.removeEventListener(name, onActivity, { capture: true });
  };
}
