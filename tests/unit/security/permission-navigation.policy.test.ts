import { describe, expect, it } from 'vitest';
import { isNavigationAllowed } from '../../../shared/security/navigation-policy';
import { isAppOrigin, isPermissionAllowed } from '../../../shared/security/permission-policy';

describe('isPermissionAllowed', () => {
  it('grants persistent-storage to the app origin only', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://bundle/index.html')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'app://bundle')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://example.org/')).toBe(false);
    expect(isPermissionAllowed('persistent-storage', 'file:///tmp/x.html')).toBe(false);
    expect(isPermissionAllowed('persistent-storage', '')).toBe(false);
  });

  it('grants clipboard writing (About copies the public key) to the app origin only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://bundle/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    expect(isPermissionAllowed('clipboard-read', 'app://bundle/index.html')).toBe(false);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'display-capture',
    'fullscreen',
    'openExternal',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'unknown',
  ])('denies %s even to the app', (permission) => {
    expect(isPermissionAllowed(permission, 'app://bundle/index.html')).toBe(false);
  });

  it('accepts the dev server origin only when configured', () => {
    expect(
      isPermissionAllowed('persistent-storage', 'http://localhost:5173/', 'http://localhost:5173'),
    ).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'http://localhost:5173/')).toBe(false);
  });
});

describe('isNavigationAllowed', () => {
  it('allows staying on the app (a reload)', () => {
    expect(isNavigationAllowed('app://bundle/index.html')).toBe(true);
    expect(isNavigationAllowed('app://bundle/index.html#/console')).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://127.0.0.1:4317/',
    'file:///etc/passwd',
    'app://other/index.html',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
    'chrome://gpu',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('blocks %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });

  it('isAppOrigin is not fooled by look-alike hosts or userinfo', () => {
    expect(isAppOrigin('app://bundle@evil/x')).toBe(false);
    expect(isAppOrigin('app://bundle.evil/')).toBe(false);
    expect(isAppOrigin('app://bundle:1/')).toBe(false);
  });
});
