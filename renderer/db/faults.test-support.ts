// Test helper: fault injection for the fake IndexedDB the store tests run on. It makes the Nth
// write request (put, add, delete, clear, cursor update/delete) of an operation fail, as a full
// disk does (QuotaExceededError on that request) or as a killed page does (the transaction is
// aborted there: IndexedDB discards a transaction that never committed). It can also just count
// an operation's writes, so a test can hit every one of them.
import 'fake-indexeddb/auto';

/**
 * `quota`: the write request fails with QuotaExceededError. `abort`: the transaction is aborted
 * at that write (the page was killed). `commit`: every request succeeded, and the transaction
 * that wrote fails as it commits with QuotaExceededError, as browsers report a disk that filled
 * while the data was being flushed.
 */
export type FaultKind = 'quota' | 'abort' | 'commit';

type Armed = { mode: 'count' } | { mode: 'fail'; at: number; kind: FaultKind };

interface PrivateTransaction {
  _execRequestAsync(request: { operation: () => unknown }): IDBRequest;
  _start(): void;
  _abort(errorName: string | null): void;
  _state: string;
  _requests: { request: IDBRequest }[];
  _rollbackLog: unknown[];
}

let armed: Armed | null = null;
let writes = 0;
let injected = 0;
/** Set by a write that is to fail, read by the request it queues next. */
let pending: FaultKind | null = null;
/** `injected` when a commit fault was armed: only the first commit after arming fails. */
let commitsBefore = -1;

function patch<T extends object>(proto: T, names: readonly string[], restore: (() => void)[]) {
  const target = proto as Record<string, unknown>;
  for (const name of names) {
    const original = target[name] as (...args: unknown[]) => unknown;
    target[name] = function (this: unknown, ...args: unknown[]) {
      if (!armed) return original.apply(this, args);
      writes += 1;
      if (armed.mode !== 'fail' || armed.kind === 'commit' || writes !== armed.at)
        return original.apply(this, args);
      injected += 1;
      pending = armed.kind;
      try {
        return original.apply(this, args);
      } finally {
        pending = null;
      }
    };
    restore.push(() => {
      target[name] = original;
    });
  }
}

/** Patches the fake IndexedDB's prototypes; call the returned function to put them back. */
export function installFaultInjector(): () => void {
  const restore: (() => void)[] = [];
  patch(IDBObjectStore.prototype, ['put', 'add', 'delete', 'clear'], restore);
  patch(IDBCursor.prototype, ['update', 'delete'], restore);
  const transaction = IDBTransaction.prototype as unknown as PrivateTransaction;
  const execute = transaction._execRequestAsync;
  transaction._execRequestAsync = function (this: IDBTransaction & PrivateTransaction, request) {
    if (pending === 'quota') {
      // The request fails when it runs, as a write past the quota does; the transaction aborts.
      const error = new DOMException('The quota has been exceeded (injected fault).', 'QuotaExceededError');
      return execute.call(this, {
        ...request,
        operation: () => {
          throw error;
        },
      });
    }
    if (pending === 'abort') this.abort(); // the page is gone: nothing after this commits
    return execute.call(this, request);
  };
  const start = transaction._start;
  transaction._start = function (this: IDBTransaction & PrivateTransaction) {
    const committing =
      this._state !== 'finished' &&
      this.mode === 'readwrite' &&
      this._rollbackLog.length > 0 &&
      this._requests.every(({ request }) => request.readyState === 'done');
    if (committing && armed?.mode === 'fail' && armed.kind === 'commit' && injected === commitsBefore) {
      injected += 1;
      this._abort('QuotaExceededError'); // rolls back every write of the transaction
      return;
    }
    start.call(this);
  };
  restore.push(() => {
    transaction._execRequestAsync = execute;
    transaction._start = start;
  });
  return () => {
    armed = null;
    for (const undo of restore.reverse()) undo();
  };
}

/** How many write requests `operation` makes. */
export async function countWrites(operation: () => Promise<unknown>): Promise<number> {
  armed = { mode: 'count' };
  writes = 0;
  try {
    await operation();
    return writes;
  } finally {
    armed = null;
  }
}

export type FaultRun =
  { outcome: 'rejected'; error: unknown; injected: boolean } | { outcome: 'resolved'; injected: boolean };

/** Runs `operation` with its `at`-th write (1-based) failing as `kind`. */
export async function withFault(
  at: number,
  kind: FaultKind,
  operation: () => Promise<unknown>,
): Promise<FaultRun> {
  armed = { mode: 'fail', at, kind };
  writes = 0;
  const before = injected;
  commitsBefore = injected;
  try {
    await operation();
    return { outcome: 'resolved', injected: injected > before };
  } catch (error) {
    return { outcome: 'rejected', error, injected: injected > before };
  } finally {
    armed = null;
  }
}

/**
 * Random bytes made constant, so two runs of the same operation on identical stores write
 * identical bytes (IVs, salts, data keys) and raw snapshots can be compared. Constant rather than
 * a seeded stream because WebCrypto finishes in parallel, so the order of draws is not fixed.
 * Test-only: never reuse an IV in real code.
 */
export function constantRandom(): () => void {
  const fake = <T extends ArrayBufferView | null>(array: T): T => {
    if (array) new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(0x5a);
    return array;
  };
  Object.defineProperty(globalThis.crypto, 'getRandomValues', { value: fake, configurable: true });
  return () => {
    Reflect.deleteProperty(globalThis.crypto, 'getRandomValues'); // the prototype's method shows again
  };
}
