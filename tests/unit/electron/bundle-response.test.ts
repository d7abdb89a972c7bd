import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondFromBundle } from '../../../electron/main/bundle-response';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'truceline-bundle-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>EXERCISE</title>');
  await writeFile(join(root, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'TOP SECRET');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'leak.js'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('respondFromBundle (the app:// handler)', () => {
  it('serves index.html for the root with the CSP header', async () => {
    const response = await respondFromBundle('app://bundle/', root);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('EXERCISE');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('Content-Security-Policy')).not.toContain('unsafe-eval');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves a script with its type', async () => {
    const response = await respondFromBundle('app://bundle/assets/index.js?v=2', root);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/assets/..%5c..%5csecret.txt',
    'app://bundle/index.html%00.js',
  ])('refuses %s without reading outside', async (url) => {
    const response = await respondFromBundle(url, root);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('refuses a symbolic link inside the bundle that leads out of it', async () => {
    const response = await respondFromBundle('app://bundle/assets/leak.js', root);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('streams a large file whole, with its length', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17).map((_, i) => i % 253);
    await mkdir(join(root, 'samples'), { recursive: true });
    await writeFile(join(root, 'samples', 'big.ndjson'), bytes);
    const response = await respondFromBundle('app://bundle/samples/big.ndjson', root);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String(bytes.length));
    expect(response.headers.get('Content-Type')).toBe('application/x-ndjson');
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), bytes)).toBe(0);
  });

  it('answers 404 for a missing file, a folder and another host', async () => {
    expect((await respondFromBundle('app://bundle/nope.js', root)).status).toBe(404);
    expect((await respondFromBundle('app://bundle/assets', root)).status).toBe(404);
    expect((await respondFromBundle('app://other/index.html', root)).status).toBe(404);
  });
});
