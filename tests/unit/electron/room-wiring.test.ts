// The desktop room as wired by wireApp, driven through the recording fake of
// Electron (fake-electron.ts) with the real listener on loopback: nothing
// listens until the page asks, the relay messages reach only the window that
// opened the room, and the listener stops when the room is closed, the window
// closes or reloads, or the app quits.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListenForRoom } from '../../../electron/main/room-listener';
import { wireApp } from '../../../electron/main/wire-app';
import { listenForRoom, wsDialer } from '../../../shared/node/room/ws-transport';
import type { RelayToHost } from '../../../shared/room/relay';
import type { RoomConnection } from '../../../shared/room/transport';
import { IPC_CHANNELS, IPC_PUSH_CHANNELS } from '../../../shared/security/ipc-channels';
import { MAX_ROOM_SEND_CHARS } from '../../../shared/security/ipc-contract';
import type { OsInterfaces, RoomInterface } from '../../../shared/security/room-interfaces';
import { FakeElectron, invokeEvent, type FakeWebContents } from './fake-electron';
import { waitFor } from '../room/room-fixture';

/** This machine as the wiring sees it (documentation addresses besides loopback). */
const INTERFACES: OsInterfaces = {
  eth0: [{ address: '192.0.2.44', family: 'IPv4', internal: false }],
  lo: [
    { address: '127.0.0.1', family: 'IPv4', internal: true },
    { address: '::1', family: 'IPv6', internal: true },
  ],
};

let base: string;
let quit: (() => void) | null;
const dialled: RoomConnection[] = [];

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'truceline-room-wiring-'));
  quit = null;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  for (const c of dialled.splice(0)) c.close('test over');
  // Whatever a test left open is closed as the app would at its end.
  quit?.();
  vi.restoreAllMocks();
  await rm(base, { recursive: true, force: true });
});

/** The app wired with the real listener, counted; Electron ready, its window open. */
async function started() {
  const listens: { host: string; port: number }[] = [];
  const closed: string[] = [];
  const listen: ListenForRoom = async (accept, options) => {
    listens.push(options);
    const listener = await listenForRoom(accept, options);
    return {
      url: listener.url,
      close: async () => {
        closed.push(listener.url);
        await listener.close();
      },
    };
  };
  const electron = new FakeElectron({
    paths: { userData: join(base, 'user-data'), documents: join(base, 'documents') },
  });
  wireApp(electron, {
    rendererRoot: join(base, 'renderer'),
    preloadPath: '/opt/truceline/out/preload/index.cjs',
    env: {},
    platform: 'linux',
    listenForRoom: listen,
    networkInterfaces: () => INTERFACES,
  });
  await electron.app.becomeReady();
  const win = electron.windows[0]!;
  quit = () => electron.app.willQuit();
  const page = invokeEvent(win.webContents, 'app://bundle/index.html');
  const call = (channel: string, payload?: unknown) =>
    electron.ipcMain.invoke(channel, page, payload);
  return { electron, win, listens, closed, call };
}

function pushed(contents: FakeWebContents): RelayToHost[] {
  return contents.sent.map((message) => {
    expect(message.channel).toBe(IPC_PUSH_CHANNELS.roomMessage);
    expect(message.args).toHaveLength(1);
    return JSON.parse(message.args[0] as string) as RelayToHost;
  });
}

/** A seat's connection with what it heard and its closes, named apart from the connection's own `ended`. */
async function dial(url: string): Promise<RoomConnection & { heard: string[]; closes: string[] }> {
  const connection = await wsDialer(url)();
  dialled.push(connection);
  const heard: string[] = [];
  const closes: string[] = [];
  connection.listen({ message: (t) => heard.push(t), close: (r) => closes.push(r) });
  return Object.assign(connection, { heard, closes });
}

describe('desktop room wiring', () => {
  it('listens for nobody until the page opens a room; lists the interfaces loopback first', async () => {
    const { call, listens } = await started();
    const listed = (await call(IPC_CHANNELS.roomInterfaces)) as RoomInterface[];
    expect(listed.map((i) => i.address)).toEqual(['127.0.0.1', '::1', '192.0.2.44']);
    expect(listens).toEqual([]);
  });

  it('relays a seat to the window that opened the room and back, and closing stops it all', async () => {
    const { electron, win, call, listens, closed } = await started();
    const bystander = electron.createWebContents();
    const { url } = (await call(IPC_CHANNELS.roomListen, { host: '127.0.0.1', port: 0 })) as {
      url: string;
    };
    expect(listens).toEqual([{ host: '127.0.0.1', port: 0 }]);
    expect(pushed(win.webContents)).toEqual([{ r: 'listening', url }]);

    const seat = await dial(url);
    seat.send('{"t":"hello"}');
    await waitFor('the seat relayed', () => win.webContents.sent.length === 3);
    const [, open, frame] = pushed(win.webContents);
    expect(open).toMatchObject({
      r: 'open',
      id: 1,
      remote: expect.stringMatching(/^127\.0\.0\.1:/),
    });
    expect(frame).toEqual({ r: 'frame', id: 1, text: '{"t":"hello"}' });

    await call(IPC_CHANNELS.roomSend, JSON.stringify({ r: 'frame', id: 1, text: 'from the host' }));
    await waitFor('the host frame reached the seat', () => seat.heard.length === 1);
    expect(seat.heard).toEqual(['from the host']);

    await call(IPC_CHANNELS.roomClose);
    await waitFor('the seat closed', () => seat.closes.length === 1);
    expect(seat.closes).toEqual(['the room was closed']);
    expect(closed).toEqual([url]);
    await expect(wsDialer(url)()).rejects.toThrow(/cannot reach/);
    // Nothing after the close, and never a message to another web contents.
    expect(pushed(win.webContents).map((m) => m.r)).toEqual(['listening', 'open', 'frame']);
    expect(bystander.sent).toEqual([]);
  });

  it('refuses a second room while one is open, and opens again once it is closed', async () => {
    const { call, listens } = await started();
    await call(IPC_CHANNELS.roomListen, { host: '127.0.0.1', port: 0 });
    await expect(call(IPC_CHANNELS.roomListen, { host: '127.0.0.1', port: 0 })).rejects.toThrow(
      `${IPC_CHANNELS.roomListen}: a room is already open in this window; close it first`,
    );
    await call(IPC_CHANNELS.roomClose);
    await call(IPC_CHANNELS.roomListen, { host: '::1', port: 0 });
    expect(listens.map((l) => l.host)).toEqual(['127.0.0.1', '::1']);
  });

  it.each([
    [{ host: '203.0.113.5', port: 0 }, /203\.0\.113\.5 is not an address of this computer/],
    [{ host: '0.0.0.0', port: 0 }, /every interface/],
    [{ host: 'localhost', port: 0 }, /not an IP address/],
    [{ host: '127.0.0.1', port: 65_536 }, /invalid payload: port/],
    [{ host: '127.0.0.1', port: 80.5 }, /invalid payload: port/],
    [{ host: '127.0.0.1', port: '0' }, /invalid payload: port/],
    [{ host: '127.0.0.1', port: 0, path: '/elsewhere' }, /invalid payload: .*path/],
    [null, /invalid payload/],
  ])('refuses to listen with %j, before any listener', async (payload, why) => {
    const { call, listens, win } = await started();
    const refusal = call(IPC_CHANNELS.roomListen, payload);
    await expect(refusal).rejects.toThrow(new RegExp(`^${IPC_CHANNELS.roomListen}: `));
    await expect(refusal).rejects.toThrow(why);
    expect(listens).toEqual([]);
    expect(win.webContents.sent).toEqual([]);
  });

  it.each([
    ['not JSON', 'r=frame', /not JSON/],
    ['not a relay message', '{"r":"open","id":1,"remote":"x"}', /invalid payload/],
    ['a frame without an id', '{"r":"frame","text":"x"}', /id/],
    ['not text', { r: 'frame', id: 1, text: 'x' }, /JSON text/],
    ['oversized', 'x'.repeat(MAX_ROOM_SEND_CHARS + 1), /over \d+ characters/],
  ])('refuses a relay message that is %s', async (_what, payload, why) => {
    const { call } = await started();
    const { url } = (await call(IPC_CHANNELS.roomListen, { host: '127.0.0.1', port: 0 })) as {
      url: string;
    };
    const seat = await dial(url);
    const refusal = call(IPC_CHANNELS.roomSend, payload);
    await expect(refusal).rejects.toThrow(new RegExp(`^${IPC_CHANNELS.roomSend}: invalid payload`));
    await expect(refusal).rejects.toThrow(why);
    expect(seat.heard).toEqual([]);
    expect(seat.closes).toEqual([]);
  });

  it('refuses a relay message when no room is open', async () => {
    const { call } = await started();
    await expect(call(IPC_CHANNELS.roomSend, '{"r":"close","id":1,"reason":"x"}')).rejects.toThrow(
      `${IPC_CHANNELS.roomSend}: this window has no room open`,
    );
  });

  it.each([
    ['the window closes', (w: { close(): void }) => w.close(), 'the host window closed'],
    [
      'the page reloads',
      (w: { webContents: FakeWebContents }) => w.webContents.reload(),
      'the host page was reloaded',
    ],
    [
      'the page crashes',
      (w: { webContents: FakeWebContents }) => w.webContents.crash(),
      'the host page crashed',
    ],
  ] as const)('closes the room when %s', async (_when, act, reason) => {
    const { win, call, closed } = await started();
    const { url } = (await call(IPC_CHANNELS.roomListen, { host: '127.0.0.1', port: 0 })) as {
      url: string;
    };
    const seat = await dial(url);
    await waitFor('the seat announced', () => win.webContents.sent.length === 2);
    act(win as never);
    await waitFor('the seat closed', () => seat.closes.length === 1);
    expect(seat.closes).toEqual([reason]);
    await waitFor('the listener closed', () => closed.length === 1);
    await expect(wsDialer(url)()).rejects.toThrow(/cannot reach/);
  });

  it('closes the room when the app quits', async () => {
    const { electron, call, closed } = await started();
    const { url } = (await call(IPC_CHANNELS.roomListen, { host: '127.0.0.1', port: 0 })) as {
      url: string;
    };
    const seat = await dial(url);
    electron.app.willQuit();
    await waitFor('the seat closed', () => seat.closes.length === 1);
    expect(seat.closes).toEqual(['the app quit']);
    await waitFor('the listener closed', () => closed.length === 1);
  });
});
