import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAppUrl, resolveBundlePath } from '../../../shared/security/bundle-path';
import { contentTypeForPath } from '../../../shared/security/content-type';

describe('resolveAppUrl refuses every way out of the bundle', () => {
  it.each([
    ['app://bundle/../../etc/passwd', 'dot segment'],
    ['app://bundle/assets/../../../etc/passwd', 'dot segment'],
    ['app://bundle/%2e%2e/%2e%2e/etc/passwd', 'dot segment'],
    ['app://bundle/%2E%2E/secret', 'dot segment'],
    ['app://bundle/./index.html', 'dot segment'],
    ['app://bundle/..%2f..%2fetc%2fpasswd', 'encoded "/"'],
    ['app://bundle/..%5c..%5cwindows%5cwin.ini', 'backslash'],
    ['app://bundle/assets\\..\\..\\secret', 'backslash'],
    ['app://bundle/index.html%00.png', 'NUL'],
    ['app://bundle/C:%5cWindows', ':'],
    ['app://bundle/C:/Windows/win.ini', ':'],
    ['app://bundle//etc/passwd', 'empty segment'],
    ['app://bundle/assets/%0a', 'control character'],
  ])('%s → refused (%s)', (url, why) => {
    const result = resolveAppUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(403);
      expect(result.reason).toContain(why);
    }
  });

  it('refuses malformed percent-encoding with 400', () => {
    const result = resolveAppUrl('app://bundle/%E0%A4%A');
    expect(result).toMatchObject({ ok: false, status: 400 });
  });

  it.each([
    'app://other/index.html',
    'app://bundle.evil/index.html',
    'app://bundle:8080/index.html',
    'app://bundleX/index.html',
    'https://bundle/index.html',
    'file:///etc/passwd',
  ])('%s → not the bundle (404)', (url) => {
    expect(resolveAppUrl(url)).toMatchObject({ ok: false, status: 404 });
  });

  it.each([
    ['app://bundle/', ['index.html']],
    ['app://bundle', ['index.html']],
    ['app://bundle/index.html', ['index.html']],
    ['app://bundle/assets/index-abc.js', ['assets', 'index-abc.js']],
    ['app://bundle/assets/index-abc.js?v=1#x', ['assets', 'index-abc.js']],
    [
      'app://bundle/samples/my%20scenario/scenario.json',
      ['samples', 'my scenario', 'scenario.json'],
    ],
    ['app://bundle/samples/', ['samples', 'index.html']],
    ['app://bundle/a/..b/c', ['a', '..b', 'c']],
  ])('%s → %j', (url, segments) => {
    expect(resolveAppUrl(url)).toEqual({ ok: true, segments });
  });
});

describe('resolveBundlePath (shared with the browser server)', () => {
  it('refuses the same attacks on a raw HTTP path', () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/x', '/a%5cb', '/a%00', '/a/../b']) {
      expect(resolveBundlePath(path).ok, path).toBe(false);
    }
  });

  it('refuses a path that is not absolute', () => {
    expect(resolveBundlePath('index.html')).toMatchObject({ ok: false, status: 400 });
  });

  it('never yields a segment that could leave the folder, for any input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('..', '.', '%2e', '%2E%2e', '%5c', '%00', '%2f', '\\', ':', 'a', ''),
            fc.string(),
          ),
          {
            maxLength: 8,
          },
        ),
        (parts) => {
          const result = resolveBundlePath(`/${parts.join('/')}`);
          if (!result.ok) return;
          for (const segment of result.segments) {
            expect(segment).not.toBe('..');
            expect(segment).not.toBe('.');
            expect(segment).not.toBe('');
            expect(segment).not.toMatch(/[/\\:\0]/);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('contentTypeForPath', () => {
  it('maps the bundle file types and falls back to octet-stream', () => {
    expect(contentTypeForPath('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeForPath('assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeForPath('x.v1/zones.geojson')).toBe('application/json');
    expect(contentTypeForPath('x.v1/README')).toBe('application/octet-stream');
    expect(contentTypeForPath('.hidden')).toBe('application/octet-stream');
  });
});
