// The desktop room from the page down, with only Electron's IPC played by the
// recording fake: the renderer's Electron platform over the preload's real
// window.truceline, the fake IPC into wireApp's handlers, main's room listener
// on loopback, a headless seat dialling it, and the host (RoomHost over the
// real engine) behind relayHostSide in the page.
import { mkdtemp, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wireApp } from '../../../electron/main/wire-app';
import { trucelineApi } from '../../../electron/preload/expose-api';
import { createElectronPlatform } from '../../../renderer/src/platform/electron-platform';
import { startHeadlessSeat, type HeadlessSeat } from '../../../shared/node/room/headless-seat';
import { listenForRoom, wsDialer } from '../../../shared/node/room/ws-transport';
import { relayHostSide } from '../../../shared/room/relay';
import { caughtUp, openRoom, waitFor } from '../room/room-fixture';
import { FakeElectron, connectRenderer } from './fake-electron';

let base: string;
let electron: FakeElectron | null;
const seats: HeadlessSeat[] = [];

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'truceline-room-stack-'));
  electron = null;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  for (const s of seats.splice(0)) s.runner.stop();
  electron?.app.willQuit();
  vi.restoreAllMocks();
  await rm(base, { recursive: true, force: true });
});

/** Dials `url` until it is refused; the refusal's message. */
async function refusedWithin(url: string, ms: number): Promise<string> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      (await wsDialer(url)()).close('probe');
    } catch (error) {
      return (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url} still accepts connections`);
}

async function desktopPage() {
  electron = new FakeElectron({
    paths: { userData: join(base, 'user-data'), documents: join(base, 'documents') },
  });
  wireApp(electron, {
    rendererRoot: join(base, 'renderer'),
    preloadPath: '/opt/truceline/out/preload/index.cjs',
    env: {},
    platform: 'linux',
    listenForRoom,
    networkInterfaces,
  });
  await electron.app.becomeReady();
  const api = trucelineApi(connectRenderer(electron, electron.windows[0]!));
  return { api, platform: createElectronPlatform(api) };
}

describe('desktop room, page to seat', () => {
  it('the page opens a room, a seat joins, is approved, sends a note and catches up; closing it ends the seat', async () => {
    const { api, platform } = await desktopPage();
    const listed = await api.room.interfaces();
    expect(listed[0]).toMatchObject({ address: '127.0.0.1', loopback: true });

    const room = await openRoom();
    const line = await platform.openRoomControl({ host: '127.0.0.1', port: 0 });
    let told = '';
    const faults: string[] = [];
    relayHostSide(
      line,
      (c) => room.host.accept(c),
      (why) => faults.push(why),
      (url) => (told = url),
    );
    await waitFor('told where seats dial', () => told !== '');
    expect(told).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/room$/);
    await expect(platform.openRoomControl({ host: '127.0.0.1', port: 0 })).rejects.toThrow(
      /^truceline:room-listen: a room is already open in this window; close it first$/,
    );

    const op = startHeadlessSeat(told, {
      code: room.host.joinCode,
      name: 'op',
      request: { role: 'operator' },
    });
    seats.push(op);
    await waitFor('join', () => room.host.pendingJoins().length === 1);
    await room.host.approve(op.seat.seatId, { role: 'operator' });
    await op.runner.ready;
    await op.seat.send({ kind: 'note', text: 'through the desktop app' });
    await caughtUp(room, op.seat);
    expect(JSON.stringify(room.memory.entries())).toContain('through the desktop app');

    await room.host.close();
    line.close('the room was closed');
    await waitFor('seat told', () => op.seat.status === 'closed');
    // The page's close reaches main after the frames before it; then nothing listens.
    expect(await refusedWithin(told, 2000)).toMatch(/cannot reach/);
    expect(faults).toEqual([]);
  });
});
