import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../shared/security/trusted-sender';

const WINDOW_ID = 7;
const good = {
  frameUrl: 'app://bundle/index.html#/report',
  isMainFrame: true,
  webContentsId: WINDOW_ID,
};

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on app://bundle/', () => {
    expect(isTrustedSender(good, WINDOW_ID)).toEqual({ trusted: true });
  });

  it('refuses a subframe, even one on app://bundle/', () => {
    const decision = isTrustedSender({ ...good, isMainFrame: false }, WINDOW_ID);
    expect(decision).toEqual({ trusted: false, reason: expect.stringContaining('subframe') });
  });

  it('refuses another webContents (a second window, a devtools page)', () => {
    const decision = isTrustedSender({ ...good, webContentsId: 8 }, WINDOW_ID);
    expect(decision).toEqual({
      trusted: false,
      reason: expect.stringContaining('not the app window'),
    });
  });

  it('refuses everything when the app window is gone', () => {
    expect(isTrustedSender(good, null).trusted).toBe(false);
  });

  it('refuses a destroyed frame', () => {
    expect(isTrustedSender({ ...good, frameUrl: null }, WINDOW_ID)).toEqual({
      trusted: false,
      reason: expect.stringContaining('gone'),
    });
  });

  it.each([
    'https://example.org/',
    'file:///home/user/evil.html',
    'about:blank',
    'app://evil/index.html',
    'http://localhost:5173/',
    'data:text/html,<h1>x</h1>',
  ])('refuses a main frame showing %s', (frameUrl) => {
    const decision = isTrustedSender({ ...good, frameUrl }, WINDOW_ID);
    expect(decision).toEqual({ trusted: false, reason: expect.stringContaining('is not the app') });
  });

  it('trusts the dev server only when it is configured', () => {
    const dev = { ...good, frameUrl: 'http://localhost:5173/' };
    expect(isTrustedSender(dev, WINDOW_ID, 'http://localhost:5173').trusted).toBe(true);
    expect(isTrustedSender(dev, WINDOW_ID, null).trusted).toBe(false);
  });
});
