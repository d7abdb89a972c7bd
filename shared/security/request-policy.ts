// The app is offline by design: the only network it may touch is its own bundle.
import { APP_ORIGIN } from './app-origin';

/** Electron's webRequest resource types. */
export type ElectronResourceType =
  | 'mainFrame'
  | 'subFrame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xhr'
  | 'ping'
  | 'cspReport'
  | 'media'
  | 'webSocket'
  | 'other';

/** A resource type as the policy receives it: Electron's, or one a later Electron adds. */
export type RequestResourceType = ElectronResourceType | string;

export interface RequestContext {
  url: string;
  resourceType: RequestResourceType;
  /** Origin of the electron-vite dev server (`npm run dev` only), else null. */
  devServerOrigin: string | null;
}

export type RequestDecision = { allow: true } | { allow: false; reason: string };

/**
 * Decides whether a renderer request may proceed: app://bundle/ always; blob:
 * URLs the app made itself; data: only as images (the CSP's img-src); the
 * DevTools front end; the dev server in development; nothing else (https,
 * http, file, ws, other schemes).
 */
export function decideRequest({
  url,
  resourceType,
  devServerOrigin,
}: RequestContext): RequestDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allow: false, reason: `unparseable URL "${url}"` };
  }
  if (parsed.protocol === 'app:') {
    if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return { allow: true };
    return { allow: false, reason: `app: host "${parsed.host}" is not ${APP_ORIGIN}` };
  }
  if (parsed.protocol === 'blob:') {
    // A blob: URL carries the origin that created it; only our own are used.
    if (url.startsWith(`blob:${APP_ORIGIN}/`)) return { allow: true };
    if (devServerOrigin && url.startsWith(`blob:${devServerOrigin}/`)) return { allow: true };
    return { allow: false, reason: `blob: URL not created by the app: "${url}"` };
  }
  // DevTools' own front end ships inside Electron; it is local, not network.
  if (parsed.protocol === 'devtools:') return { allow: true };
  if (parsed.protocol === 'data:') {
    if (resourceType === 'image') return { allow: true };
    return { allow: false, reason: `data: URL as ${resourceType} (only images are allowed)` };
  }
  if (devServerOrigin && isDevServerUrl(parsed, devServerOrigin)) return { allow: true };
  return { allow: false, reason: `${parsed.protocol} request blocked: the app is offline` };
}

function isDevServerUrl(url: URL, devServerOrigin: string): boolean {
  const dev = new URL(devServerOrigin);
  // Vite's hot reload talks over ws: to the same host and port.
  const sameScheme =
    url.protocol === dev.protocol || (url.protocol === 'ws:' && dev.protocol === 'http:');
  return sameScheme && url.host === dev.host;
}
