/**
 * The one place that touches `globalThis.crypto`. Types are derived from the global itself
 * because `CryptoKey` is a global type under the DOM lib but only `webcrypto.CryptoKey` under
 * @types/node; `shared/` compiles in both projects.
 */
import { base64, base64urlnopad } from '@scure/base';

type Subtle = typeof globalThis.crypto.subtle;
export type CryptoKeyHandle = Awaited<ReturnType<Subtle['importKey']>>;
/** An ArrayBuffer-backed view: what WebCrypto accepts under TS 5.9's DOM lib. */
export type Bytes = Uint8Array<ArrayBuffer>;

export function subtle(): Subtle {
  const found = (globalThis as { crypto?: WebCrypto }).crypto?.subtle;
  if (!found)
    throw new Error(
      'WebCrypto is not available: MoneyTrail must run in a secure context (app:// or http://127.0.0.1)',
    );
  return found;
}
type WebCrypto = typeof globalThis.crypto;

export function randomBytes(length: number): Bytes {
  const out = new Uint8Array(length);
  globalThis.crypto.getRandomValues(out);
  return out;
}

const encoder = new TextEncoder();
export const utf8 = (text: string): Bytes => encoder.encode(text) as Bytes;

/** WebCrypto refuses SharedArrayBuffer views at run time; the cast only satisfies the DOM lib. */
export const asBytes = (view: Uint8Array): Bytes => view as Bytes;

export const toBase64 = (bytes: Uint8Array): string => base64.encode(bytes);
export const toBase64Url = (bytes: Uint8Array): string => base64urlnopad.encode(bytes);
export const fromBase64 = (text: string): Bytes => asBytes(base64.decode(text));

/** Best effort: zeroes bytes this code owns (the only key material JS can actually wipe). */
export function wipe(...buffers: (Uint8Array | ArrayBuffer)[]): void {
  for (const buffer of buffers) (buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer)).fill(0);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
