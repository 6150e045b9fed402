/**
 * Every host call answers with a result instead of throwing: errors cross the process boundary
 * intact (Electron's IPC and contextBridge keep only an Error's message), and the renderer must
 * decide what to show for each code.
 */
export const hostErrorCodes = [
  'invalid-request',
  'forbidden',
  'cancelled',
  'file-too-large',
  'file-unreadable',
  'write-failed',
  'unavailable',
  'internal',
] as const;

export type HostErrorCode = (typeof hostErrorCodes)[number];

export interface HostFailure {
  ok: false;
  error: { code: HostErrorCode; message: string };
}

export interface HostSuccess<T> {
  ok: true;
  value: T;
}

export type HostResult<T> = HostSuccess<T> | HostFailure;

export function success<T>(value: T): HostSuccess<T> {
  return { ok: true, value };
}

export function failure(code: HostErrorCode, message: string): HostFailure {
  return { ok: false, error: { code, message } };
}

/** Thrown by host implementations; converted into a HostFailure at the boundary. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export function toFailure(error: unknown): HostFailure {
  if (error instanceof HostError) return failure(error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return failure('internal', message);
}

/** Unwraps a result for callers that prefer exceptions (e.g. inside an async UI action). */
export function unwrap<T>(result: HostResult<T>): T {
  if (result.ok) return result.value;
  throw new HostError(result.error.code, result.error.message);
}
