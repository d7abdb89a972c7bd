// One path-traversal check for both ways the renderer bundle is served:
// Electron's app:// handler and the browser server of `npm run web`.
import { APP_HOST, APP_SCHEME } from './app-origin';

export type BundlePathResult =
  { ok: true; segments: string[] } | { ok: false; status: 400 | 403 | 404; reason: string };

const DEFAULT_DOCUMENT = 'index.html';

/**
 * Turns the raw path of a request ("/assets/a.js?x#y", percent-encoded, not yet
 * normalised) into path segments inside the bundle, or refuses it.
 */
export function resolveBundlePath(rawPath: string): BundlePathResult {
  const path = rawPath.replace(/[?#].*$/s, '');
  if (!path.startsWith('/')) {
    return { ok: false, status: 400, reason: `path "${rawPath}" does not start with "/"` };
  }
  // Checked on the raw text too: a URL parser would already have folded "/../"
  // away, and we want the attempt refused, not quietly rewritten.
  const rawSegments = path.slice(1).split('/');
  const segments: string[] = [];
  for (const [index, rawSegment] of rawSegments.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return {
        ok: false,
        status: 400,
        reason: `segment "${rawSegment}" is not valid percent-encoding`,
      };
    }
    const refusal = refuseSegment(segment, rawSegment);
    if (refusal) return { ok: false, status: 403, reason: refusal };
    if (segment === '') {
      // Only a trailing "/" is tolerated (it names the default document).
      if (index === rawSegments.length - 1) continue;
      return { ok: false, status: 403, reason: `empty segment in "${rawPath}"` };
    }
    segments.push(segment);
  }
  if (segments.length === 0 || path.endsWith('/')) segments.push(DEFAULT_DOCUMENT);
  return { ok: true, segments };
}

function refuseSegment(segment: string, raw: string): string | null {
  if (segment === '..' || segment === '.') return `dot segment "${raw}" (path traversal)`;
  if (segment.includes('\0')) return `NUL byte in segment "${raw}"`;
  if (segment.includes('/')) return `encoded "/" in segment "${raw}"`;
  if (segment.includes('\\')) return `backslash in segment "${raw}"`;
  // "C:" would make Windows path joining absolute; ":" also opens NTFS streams.
  if (segment.includes(':')) return `":" in segment "${raw}"`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(segment)) return `control character in segment "${raw}"`;
  return null;
}

/**
 * Maps an app:// URL to segments inside the bundle; refuses any other scheme or
 * host, and any traversal attempt.
 */
export function resolveAppUrl(url: string): BundlePathResult {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!url.startsWith(prefix)) {
    return { ok: false, status: 404, reason: `"${url}" is not on ${prefix}/` };
  }
  const rest = url.slice(prefix.length);
  if (rest === '' || /^[?#]/.test(rest)) return resolveBundlePath(`/${rest}`);
  if (!rest.startsWith('/')) {
    return { ok: false, status: 404, reason: `"${url}" is not on ${prefix}/` };
  }
  return resolveBundlePath(rest);
}
