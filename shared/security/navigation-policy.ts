import { isAppOrigin } from './permission-policy';

/**
 * Decides a navigation or redirect of a window or frame: only within the app's
 * own origin (a reload), never to the web, a file or another scheme.
 */
export function isNavigationAllowed(
  targetUrl: string,
  devServerOrigin: string | null = null,
): boolean {
  return isAppOrigin(targetUrl, devServerOrigin);
}
