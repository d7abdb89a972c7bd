import { describe, expect, it } from 'vitest';
import { decideRequest } from '../../../shared/security/request-policy';

const prod = (url: string, resourceType = 'xhr') =>
  decideRequest({ url, resourceType, devServerOrigin: null });

describe('decideRequest: the app is offline', () => {
  it.each([
    ['app://bundle/index.html', 'mainFrame'],
    ['app://bundle/assets/index.js', 'script'],
    ['app://bundle/samples/index.json', 'xhr'],
    ['blob:app://bundle/1b2c3d4e-0000-4000-8000-000000000000', 'script'],
    ['data:,', 'image'],
    ['data:image/png;base64,iVBORw0KGgo=', 'image'],
    ['devtools://devtools/bundled/inspector.html', 'mainFrame'],
  ])('allows %s (%s)', (url, type) => {
    expect(prod(url, type)).toEqual({ allow: true });
  });

  it.each([
    ['https://example.org/', 'https:'],
    ['https://tile.openstreetmap.org/1/1/1.png', 'https:'],
    ['http://127.0.0.1:4317/', 'http:'],
    ['http://localhost:5173/', 'http:'],
    ['file:///etc/passwd', 'file:'],
    ['file:///C:/Windows/win.ini', 'file:'],
    ['ws://127.0.0.1:9222/devtools', 'ws:'],
    ['wss://example.org/socket', 'wss:'],
    ['ftp://example.org/x', 'ftp:'],
    ['chrome://settings', 'chrome:'],
    ['app://evil/index.html', 'app: host'],
    ['app://bundle.evil/x', 'app: host'],
    ['blob:https://example.org/1234', 'blob: URL not created by the app'],
    ['not a url', 'unparseable'],
  ])('cancels %s', (url, why) => {
    const decision = prod(url);
    expect(decision.allow).toBe(false);
    if (!decision.allow) expect(decision.reason).toContain(why);
  });

  it.each(['mainFrame', 'subFrame', 'script', 'xhr', 'stylesheet', 'other'])(
    'cancels data: as %s (only images may be data:)',
    (type) => {
      expect(prod('data:text/html,<script>alert(1)</script>', type).allow).toBe(false);
    },
  );

  it('allows the dev server (http and its hot-reload socket) only when one is configured', () => {
    const dev = 'http://localhost:5173';
    expect(
      decideRequest({
        url: 'http://localhost:5173/src/main.tsx',
        resourceType: 'script',
        devServerOrigin: dev,
      }).allow,
    ).toBe(true);
    expect(
      decideRequest({
        url: 'ws://localhost:5173/',
        resourceType: 'webSocket',
        devServerOrigin: dev,
      }).allow,
    ).toBe(true);
    expect(
      decideRequest({ url: 'http://localhost:5174/', resourceType: 'script', devServerOrigin: dev })
        .allow,
    ).toBe(false);
    expect(
      decideRequest({ url: 'https://example.org/', resourceType: 'script', devServerOrigin: dev })
        .allow,
    ).toBe(false);
    expect(prod('http://localhost:5173/src/main.tsx', 'script').allow).toBe(false);
  });
});
