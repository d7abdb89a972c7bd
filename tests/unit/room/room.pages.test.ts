// The room's listener serves the app to seats on other computers (docs/ROOMS.md,
// "A seat in the browser"): the bundle server's own answers and headers on the
// room's port, its Host check by the listener's address, and WebSocket only at
// the room's path, from the listener's own origin.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createServer } from 'node:http';
import { attachRoomRelay } from '../../../shared/node/room/relay-server';
import { listenForRoom, type RoomListener } from '../../../shared/node/room/ws-transport';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';
import type { RoomConnection } from '../../../shared/room/transport';

let listener: RoomListener | null = null;
let root: string | null = null;

afterEach(async () => {
  await listener?.close();
  listener = null;
  if (root) await rm(root, { recursive: true, force: true });
  root = null;
});

function get(port: number, path: string, host: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** Opens a WebSocket with the given headers; resolves 'open' or the HTTP status it was refused with. */
function dial(port: number, path: string, headers: Record<string, string>) {
  return new Promise<string>((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    socket.once('error', (error) => resolve(`error: ${error.message}`));
  });
}

async function listenWithPages() {
  root = await mkdtemp(join(tmpdir(), 'room-pages-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>seat</title>');
  const accepted: RoomConnection[] = [];
  listener = await listenForRoom((c) => accepted.push(c), {
    host: '127.0.0.1',
    port: 0,
    pages: { root },
  });
  return { port: listener.port, accepted };
}

describe('a room listener with pages', () => {
  it('serves the app with the bundle server’s headers and names the join page', async () => {
    const { port } = await listenWithPages();
    const page = await get(port, '/', `127.0.0.1:${port}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>seat</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(listener!.joinPages).toEqual([`http://127.0.0.1:${port}/#/join`]);
    expect((await get(port, '/../../etc/passwd', `127.0.0.1:${port}`)).status).not.toBe(200);
  });

  it('refuses a page or a socket asked for by a rebound name (DNS rebinding)', async () => {
    const { port, accepted } = await listenWithPages();
    expect((await get(port, '/', `evil.example:${port}`)).status).toBe(421);
    expect(await dial(port, '/room', { host: `evil.example:${port}` })).toBe('421');
    expect(accepted).toHaveLength(0);
  });

  it('upgrades only the room’s path, and only from its own origin', async () => {
    const { port, accepted } = await listenWithPages();
    expect(await dial(port, '/room-control', {})).toBe('404');
    expect(await dial(port, '/room', { origin: 'http://evil.example' })).toBe('403');
    expect(accepted).toHaveLength(0);
    expect(await dial(port, '/room', { origin: `http://127.0.0.1:${port}` })).toBe('open');
    expect(await dial(port, '/room', {})).toBe('open');
    expect(accepted).toHaveLength(2);
  });
});

describe('a room listener without pages', () => {
  it('serves no pages', async () => {
    listener = await listenForRoom(() => {}, { port: 0 });
    const page = await get(listener.port, '/', `127.0.0.1:${listener.port}`);
    expect(page.status).toBe(426);
    expect(listener.joinPages).toEqual([]);
  });
});

describe('a relayed room (npm run web -- --room)', () => {
  it('serves the app on the seats’ listener and names the join page', async () => {
    root = await mkdtemp(join(tmpdir(), 'room-pages-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>seat</title>');
    const web = createServer();
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    const relay = await attachRoomRelay(web, { port: 0, pages: { root } });
    try {
      const port = Number(new URL(relay.url.replace('ws:', 'http:')).port);
      expect(relay.joinPages).toEqual([`http://127.0.0.1:${port}/#/join`]);
      const page = await get(port, '/', `127.0.0.1:${port}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>seat</title>');
    } finally {
      await relay.close();
      await new Promise((r) => web.close(r));
    }
  });
});
