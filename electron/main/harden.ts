// Wires the pure decisions of shared/security into Electron's hooks: requests,
// permissions, navigation, new windows, <webview>.
import { isNavigationAllowed } from '../../shared/security/navigation-policy';
import { isPermissionAllowed } from '../../shared/security/permission-policy';
import { decideRequest } from '../../shared/security/request-policy';
import type { AppApi, NavigationEvent, SessionApi, WebContentsApi } from './electron-api';

/** Cancels every request outside the app and denies every permission it does not need. */
export function hardenSession(session: SessionApi, devServerOrigin: string | null): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const decision = decideRequest({
      url: details.url,
      resourceType: details.resourceType,
      devServerOrigin,
    });
    if (!decision.allow) console.warn(`[truceline] request cancelled: ${decision.reason}`);
    callback({ cancel: !decision.allow });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl, devServerOrigin);
    if (!allowed) console.warn(`[truceline] permission "${permission}" denied`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, devServerOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // Chromium fetches spell-check dictionaries from the web; the app is offline.
  session.setSpellCheckerEnabled(false);
  // Files leave the app only through the save-export IPC (atomic writes).
  session.on('will-download', (event, item) => {
    console.warn(`[truceline] download of "${item.getURL()}" blocked`);
    event.preventDefault();
  });
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}

/** Blocks navigation away from the app, new windows and <webview> in every web contents. */
export function hardenAllWebContents(app: AppApi, devServerOrigin: string | null): void {
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, devServerOrigin),
  );
}

function hardenWebContents(contents: WebContentsApi, devServerOrigin: string | null): void {
  const guard = (kind: string) => (event: NavigationEvent) => {
    if (isNavigationAllowed(event.url, devServerOrigin)) return;
    console.warn(`[truceline] ${kind} to "${event.url}" blocked`);
    event.preventDefault();
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    console.warn('[truceline] <webview> blocked');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[truceline] new window for "${url}" blocked`);
    return { action: 'deny' };
  });
}
