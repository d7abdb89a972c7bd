// The server of `npm run web`, listening for real on 127.0.0.1 and serving real
// files. The file system calls go through a seam only so a file can be deleted
// at an exact point of a request (no timing races).
import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBundleServer,
  nodeFileSystem,
  type BundleFileSystem,
} from '../../../shared/node/web/bundle-server';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';

const INDEX = '<!doctype html><title>EXERCISE</title>';
const SCRIPT = 'console.log("truceline");'.repeat(4000);

let base: string;
let root: string;
let server: Server | undefined;
let logged: string[];

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'truceline-web-'));
  root = join(base, 'renderer');
  await writeBundle();
  await writeFile(join(base, 'secret.txt'), 'TOP SECRET');
  logged = [];
});
afterEach(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = undefined;
  await rm(base, { recursive: true, force: true });
});

async function writeBundle(): Promise<void> {
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), INDEX);
  await writeFile(join(root, 'assets', 'index.js'), SCRIPT);
}

/** Starts the server on 127.0.0.1, on a port the system picks. */
async function start(fs: BundleFileSystem = nodeFileSystem): Promise<number> {
  server = createBundleServer({ root, fs, log: (message) => logged.push(message) });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(
  port: number,
  path: string,
  options: { host?: string; method?: string } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** One HTTP/1.0 request written by hand, so it can go without a Host header. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', fail);
  });
}

describe('the browser server (npm run web)', () => {
  it('serves the bundle with the CSP, its type and its length; HEAD without body', async () => {
    const port = await start();
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const script = await get(port, '/assets/index.js?v=1');
    expect(script.body).toBe(SCRIPT);
    expect(script.headers['content-length']).toBe(String(SCRIPT.length));
    const head = await get(port, '/assets/index.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(SCRIPT.length));
    expect(head.body).toBe('');
    expect((await get(port, '/', { method: 'POST' })).status).toBe(405);
  });

  it('refuses traversal and a symbolic link out of the bundle', async () => {
    await symlink(join(base, 'secret.txt'), join(root, 'assets', 'leak.js'));
    const port = await start();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/leak.js']) {
      const answer = await get(port, path);
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain('TOP SECRET');
    }
    expect((await get(port, '/nope.js')).status).toBe(404);
    expect((await get(port, '/assets')).status).toBe(404);
  });

  describe('Host header (DNS rebinding)', () => {
    it('answers requests addressed to its own loopback name and port', async () => {
      const port = await start();
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
        const answer = await get(port, '/', { host });
        expect(answer.status, host).toBe(200);
        expect(answer.body).toBe(INDEX);
      }
    });

    it('refuses a rebound name, another port or a bare name with 421 and no file', async () => {
      const port = await start();
      for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1']) {
        const answer = await get(port, '/', { host });
        expect(answer.status, host).toBe(421);
        expect(answer.body).toContain(JSON.stringify(host));
        expect(answer.body).not.toContain('EXERCISE');
        expect(answer.headers['content-security-policy']).toBeUndefined();
      }
    });

    it('refuses a request without a Host header with 400', async () => {
      const port = await start();
      const answer = await rawRequest(port, 'GET /index.html HTTP/1.0\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).not.toContain('EXERCISE');
    });
  });

  describe('files that disappear (a rebuild deletes out/ while serving)', () => {
    it('answers 404 for a file deleted after its path was resolved, and keeps serving', async () => {
      const victim = join(root, 'assets', 'index.js');
      let deleted = false;
      const port = await start({
        ...nodeFileSystem,
        realpath: async (path) => {
          const real = await nodeFileSystem.realpath(path);
          if (path === victim && !deleted) {
            deleted = true;
            await unlink(victim);
          }
          return real;
        },
      });
      const answer = await get(port, '/assets/index.js');
      expect(answer.status).toBe(404);
      expect((await get(port, '/')).body).toBe(INDEX);
      await writeFile(victim, SCRIPT);
      expect((await get(port, '/assets/index.js')).body).toBe(SCRIPT);
    });

    it.skipIf(process.platform === 'win32')(
      'serves a file deleted after it was opened whole (POSIX keeps it), and keeps serving',
      async () => {
        const victim = join(root, 'assets', 'index.js');
        const port = await start({
          ...nodeFileSystem,
          open: async (path) => {
            const handle = await nodeFileSystem.open(path);
            if (path.endsWith('index.js')) await unlink(victim);
            return handle;
          },
        });
        const answer = await get(port, '/assets/index.js');
        expect(answer.status).toBe(200);
        expect(answer.body).toBe(SCRIPT);
        expect((await get(port, '/')).body).toBe(INDEX);
        expect((await get(port, '/assets/index.js')).status).toBe(404);
      },
    );

    it('answers 404 while the whole bundle folder is gone, and serves it again once rebuilt', async () => {
      const port = await start();
      await rm(root, { recursive: true });
      expect((await get(port, '/')).status).toBe(404);
      expect((await get(port, '/assets/index.js')).status).toBe(404);
      await writeBundle();
      expect((await get(port, '/')).body).toBe(INDEX);
    });

    it('answers 500 for a file it cannot read (a symbolic link loop), logs why, and keeps serving', async () => {
      await symlink(join(root, 'assets', 'b.js'), join(root, 'assets', 'a.js'));
      await symlink(join(root, 'assets', 'a.js'), join(root, 'assets', 'b.js'));
      const port = await start();
      const answer = await get(port, '/assets/a.js');
      expect(answer.status).toBe(500);
      expect(answer.body).toBe('could not read assets/a.js');
      expect(logged.join('\n')).toMatch(/assets\/a\.js: .*ELOOP/);
      expect((await get(port, '/')).body).toBe(INDEX);
    });
  });
});
