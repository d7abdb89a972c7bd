// The desktop room in the real app, run only with TRUCELINE_ELECTRON_E2E=1 (it
// needs the Electron binary, which cannot be downloaded on the development
// and CI machines of this project). Build first: npm run build.
//
// The page opens a room through window.truceline.room: Electron's main process
// listens on loopback and relays over its IPC. The host's screen is not built
// yet, so the host (RoomHost over the real engine) and a headless seat run in
// a Node process (support/room-host.ts) whose control line this spec joins to
// the page's: every relay message crosses the page, the preload and main's IPC,
// and the seat dials main's real listener.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { WebSocket } from 'ws';
import type { RoomInterface, TrucelineApi } from '../../shared/security/preload-api';

const enabled = process.env.TRUCELINE_ELECTRON_E2E === '1';
const reason =
  'Electron e2e skipped: set TRUCELINE_ELECTRON_E2E=1 on a machine with the Electron binary (after npm run build)';
if (!enabled) console.log(reason);
test.skip(!enabled, reason);

const root = resolve(import.meta.dirname, '../..');
type PageGlobals = {
  truceline: TrucelineApi;
  trucelineRoomPush(text: string): Promise<void>;
};

// Undefined when the launch in beforeAll failed (afterAll still runs).
let app: ElectronApplication | undefined;
test.beforeAll(async () => {
  // No dev server, no run-as-node: the app as a user starts it.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined &&
        !['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE'].includes(entry[0]),
    ),
  );
  app = await electron.launch({ args: [root], cwd: root, env });
});
test.afterAll(async () => {
  await app?.close();
});

/** Whether anything still accepts a WebSocket at `url`. */
function accepts(url: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.close();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

test('the page opens a room through window.truceline.room and a headless seat joins it', async () => {
  test.setTimeout(120_000);
  const window = await app!.firstWindow();
  const listed = (await window.evaluate(() =>
    (globalThis as unknown as PageGlobals).truceline.room.interfaces(),
  )) as RoomInterface[];
  expect(listed[0]).toMatchObject({ address: '127.0.0.1', loopback: true });

  const host = spawn(
    process.execPath,
    ['shared/node/run-ts.mjs', 'tests/e2e-electron/support/room-host.ts'],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const events: Record<string, unknown>[] = [];
  createInterface({ input: host.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as { send?: string; close?: true; event?: string };
    if (message.send !== undefined) {
      void window.evaluate(
        (text) => (globalThis as unknown as PageGlobals).truceline.room.send(text),
        message.send,
      );
    } else if (message.close) {
      void window.evaluate(() => (globalThis as unknown as PageGlobals).truceline.room.close());
    } else {
      events.push(message);
    }
  });
  await window.exposeFunction('trucelineRoomPush', (text: string) => {
    host.stdin.write(`${text}\n`);
  });
  await window.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    page.truceline.room.onMessage((text) => void page.trucelineRoomPush(text));
  });
  const { url } = await window.evaluate(
    (request) => (globalThis as unknown as PageGlobals).truceline.room.listen(request),
    { host: '127.0.0.1', port: 0 },
  );
  expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/room$/);

  // A second room while this one is open is refused, saying why.
  const refusal = await window.evaluate(() =>
    (globalThis as unknown as PageGlobals).truceline.room
      .listen({ host: '127.0.0.1', port: 0 })
      .then(
        () => 'opened',
        (error: Error) => error.message,
      ),
  );
  expect(refusal).toMatch(/a room is already open in this window; close it first/);

  const names = () => events.map((e) => e.event);
  await expect.poll(names, { timeout: 60_000 }).toContain('seat-closed');
  expect(names()).toEqual(['listening', 'caught-up', 'seat-closed']);
  expect(events[0]).toEqual({ event: 'listening', url });
  await expect.poll(() => accepts(url)).toBe(false);
});
