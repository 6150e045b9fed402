import { z } from 'zod';
import { pickPurposes, saveKinds, type PickPurpose, type SaveKind } from './file-kinds';
import type { HostMethod } from './methods';
import type { HostResult } from './result';

/**
 * The one contract between the renderer and its host (Electron's preload or the web host).
 * Requests are validated against these schemas in Electron's main process, so a compromised
 * renderer cannot smuggle paths or oversized payloads: paths never cross the boundary at all,
 * the host's own dialogs choose them.
 */

const pickPurpose = z.enum(Object.keys(pickPurposes) as [PickPurpose, ...PickPurpose[]]);
const saveKind = z.enum(Object.keys(saveKinds) as [SaveKind, ...SaveKind[]]);

/** A bare file name: no folders, no control characters, no reserved Windows names. */
export const safeFileName = z
  .string()
  .min(1)
  .max(180)
  .refine((name) => !/[\\/:*?"<>|]/.test(name), 'must be a file name without folders')
  .refine(
    (name) => ![...name].some((char) => char.charCodeAt(0) < 0x20),
    'must not contain control characters',
  )
  .refine((name) => name !== '.' && name !== '..' && !name.startsWith('.'), 'must not be hidden or relative')
  .refine((name) => !/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name), 'is a reserved device name');

const secretId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 lowercase letters, digits, dashes');

export const MAX_SAVE_BYTES = 2 * 1024 * 1024 * 1024 - 1;

/** Any Uint8Array view (file contents never cross as paths or strings). */
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be bytes (Uint8Array)');

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
});

export const pickedFile = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  lastModified: z.number(),
  bytes,
});

export const hostContract = {
  getAppInfo: { request: z.undefined(), response: appInfo },
  openFiles: {
    request: z.strictObject({ purpose: pickPurpose, multiple: z.boolean() }),
    response: z.array(pickedFile),
  },
  saveFile: {
    request: z.strictObject({
      suggestedName: safeFileName,
      kind: saveKind,
      bytes: bytes.refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'is larger than 2 GiB'),
    }),
    response: z.object({ saved: z.boolean(), name: z.string().optional() }),
  },
  getSecretStoreStatus: {
    request: z.undefined(),
    response: z.object({ available: z.boolean(), backend: z.string() }),
  },
  storeSecret: {
    request: z.strictObject({ id: secretId, secret: z.string().min(1).max(4096) }),
    response: z.null(),
  },
  loadSecret: { request: z.strictObject({ id: secretId }), response: z.string().nullable() },
  forgetSecret: { request: z.strictObject({ id: secretId }), response: z.null() },
  /** Answered when the OS locks the screen or goes to sleep (never, where the host cannot tell). */
  awaitScreenLock: {
    request: z.undefined(),
    response: z.object({ reason: z.enum(['lock-screen', 'suspend']) }),
  },
} as const satisfies Record<HostMethod, { request: z.ZodType; response: z.ZodType }>;

export type HostContract = typeof hostContract;
export type RequestOf<M extends HostMethod> = z.input<HostContract[M]['request']>;
export type ValidRequestOf<M extends HostMethod> = z.output<HostContract[M]['request']>;
export type ResponseOf<M extends HostMethod> = z.output<HostContract[M]['response']>;

export type AppInfo = z.output<typeof appInfo>;
export type PickedFile = z.output<typeof pickedFile>;

/** What the renderer sees: one async function per method, answering with a result. */
export type HostApi = {
  [M in HostMethod]: (
    ...request: undefined extends RequestOf<M> ? [request?: RequestOf<M>] : [request: RequestOf<M>]
  ) => Promise<HostResult<ResponseOf<M>>>;
};

/** What a host implements: validated requests in, values out; failures are thrown as HostError. */
export type HostHandlers = {
  [M in HostMethod]: (request: ValidRequestOf<M>) => Promise<ResponseOf<M>>;
};
