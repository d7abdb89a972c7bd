import { APP_ORIGIN } from './app-origin';

/**
 * The only permissions the app uses: persistent storage keeps IndexedDB from eviction;
 * clipboard-sanitized-write is what `navigator.clipboard.writeText` asks for (About's
 * "Copy public key"). Writing only: reading the clipboard stays denied.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = [
  'persistent-storage',
  'clipboard-sanitized-write',
];

/**
 * Decides a permission request or check: granted only for the permissions the
 * app needs, and only to the app's own origin (or the dev server in development).
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  devServerOrigin: string | null = null,
): boolean {
  if (!ALLOWED_PERMISSIONS.includes(permission)) return false;
  return isAppOrigin(requestingUrl, devServerOrigin);
}

/** True when a URL (or a bare origin) belongs to the app, or to the dev server in development. */
export function isAppOrigin(url: string, devServerOrigin: string | null = null): boolean {
  let origin: string;
  try {
    const parsed = new URL(url);
    origin = `${parsed.protocol}//${parsed.host}`;
  } catch {
    return false;
  }
  if (origin === APP_ORIGIN) return true;
  return devServerOrigin !== null && origin === new URL(devServerOrigin).origin;
}
