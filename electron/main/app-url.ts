/**
 * The renderer is served from this origin in Electron. A standard, secure custom scheme gives it
 * a real origin (IndexedDB, WebCrypto, CSP 'self' all work) without file:// and its ambient access
 * to the whole disk, and without a dev server listening on a port.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'moneytrail';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Requests the session lets through: the app's own files, and in-memory blob:/data: URLs the
 * page makes itself (downloads of generated files, images). Everything that could reach the
 * network or the local disk — http(s), ws(s), ftp, file — is cancelled.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  // DevTools loads its own front end from devtools:// when an unpackaged build opens it.
  if (url.startsWith('devtools://')) return true;
  return false;
}
