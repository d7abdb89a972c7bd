// The Electron platform's room control line (renderer/src/platform/electron-platform.ts)
// over a recording fake of window.truceline.room: it subscribes before asking
// main to listen, keeps what is pushed until the host listens, forwards the
// host's messages, and closes the room when the line closes.
import { describe, expect, it } from 'vitest';
import { createElectronPlatform } from '../../../renderer/src/platform/electron-platform';
import type {
  RoomListenRequest,
  TrucelineApi,
  TrucelineRoomApi,
} from '../../../shared/security/preload-api';

/** window.truceline.room as the preload exposes it, with main played by the test. */
class FakeRoomApi implements TrucelineRoomApi {
  readonly calls: string[] = [];
  readonly sent: string[] = [];
  readonly listeners = new Set<(text: string) => void>();
  /** What main does when asked to listen (by default: pushes `listening`, then answers). */
  onListen: (request: RoomListenRequest) => Promise<{ url: string }> = async () => {
    this.push('{"r":"listening","url":"ws://127.0.0.1:4999/room"}');
    return { url: 'ws://127.0.0.1:4999/room' };
  };
  onSend: (text: string) => Promise<void> = async () => {};

  interfaces = async () => [];
  listen = (request: RoomListenRequest) => {
    this.calls.push(`listen ${request.host}:${request.port} (${this.listeners.size} listening)`);
    return this.onListen(request);
  };
  send = (text: string) => {
    this.sent.push(text);
    return this.onSend(text);
  };
  close = async () => {
    this.calls.push('close');
  };
  onMessage = (listener: (text: string) => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Main's webContents.send of one relay message. */
  push(text: string): void {
    for (const listener of this.listeners) listener(text);
  }
}

function platformOver(room: FakeRoomApi) {
  const unused = () => Promise.reject(new Error('not used here'));
  const api: TrucelineApi = {
    openScenarioFiles: unused,
    saveExport: unused,
    printToPdf: unused,
    appInfo: unused,
    room,
  };
  return createElectronPlatform(api);
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Electron platform: openRoomControl', () => {
  it('subscribes before asking main to listen, and keeps what arrives until the host listens', async () => {
    const room = new FakeRoomApi();
    const line = await platformOver(room).openRoomControl({ host: '127.0.0.1', port: 0 });
    expect(room.calls).toEqual(['listen 127.0.0.1:0 (1 listening)']);
    room.push('{"r":"open","id":1,"remote":"192.0.2.9:5000"}');
    const heard: string[] = [];
    line.listen({ message: (t) => heard.push(t), close: () => {} });
    room.push('{"r":"frame","id":1,"text":"x"}');
    expect(heard).toEqual([
      '{"r":"listening","url":"ws://127.0.0.1:4999/room"}',
      '{"r":"open","id":1,"remote":"192.0.2.9:5000"}',
      '{"r":"frame","id":1,"text":"x"}',
    ]);
  });

  it('forwards what the host sends, as it is, in order', async () => {
    const room = new FakeRoomApi();
    const line = await platformOver(room).openRoomControl({ host: '::1', port: 4400 });
    line.send('{"r":"frame","id":1,"text":"a"}');
    line.send('{"r":"close","id":1,"reason":"b"}');
    expect(room.sent).toEqual([
      '{"r":"frame","id":1,"text":"a"}',
      '{"r":"close","id":1,"reason":"b"}',
    ]);
  });

  it('closing the line closes the room, tells the host once, and hears nothing after', async () => {
    const room = new FakeRoomApi();
    const line = await platformOver(room).openRoomControl({ host: '127.0.0.1', port: 0 });
    const heard: string[] = [];
    const closed: string[] = [];
    line.listen({ message: (t) => heard.push(t), close: (r) => closed.push(r) });
    line.close('the controller closed the room');
    line.close('again');
    room.push('{"r":"frame","id":1,"text":"late"}');
    line.send('{"r":"frame","id":1,"text":"late"}');
    await tick();
    expect(closed).toEqual(['the controller closed the room']);
    expect(room.calls.filter((c) => c === 'close')).toHaveLength(1);
    expect(heard).toHaveLength(1);
    expect(room.sent).toEqual([]);
    expect(room.listeners.size).toBe(0);
  });

  it("rejects with main's reason when the room cannot open, and leaves no listener", async () => {
    const room = new FakeRoomApi();
    room.onListen = () =>
      Promise.reject(
        new Error(
          "Error invoking remote method 'truceline:room-listen': Error: truceline:room-listen: a room is already open in another window; close it there first",
        ),
      );
    await expect(
      platformOver(room).openRoomControl({ host: '127.0.0.1', port: 0 }),
    ).rejects.toThrow(
      /^truceline:room-listen: a room is already open in another window; close it there first$/,
    );
    expect(room.listeners.size).toBe(0);
  });

  it('a message main refuses ends the line with why and closes the room', async () => {
    const room = new FakeRoomApi();
    room.onSend = () =>
      Promise.reject(new Error('truceline:room-send: invalid payload: (payload): not JSON'));
    const line = await platformOver(room).openRoomControl({ host: '127.0.0.1', port: 0 });
    const closed: string[] = [];
    line.listen({ message: () => {}, close: (r) => closed.push(r) });
    line.send('not json');
    await tick();
    expect(closed).toEqual([
      'the room listener refused a message: truceline:room-send: invalid payload: (payload): not JSON',
    ]);
    expect(room.calls).toContain('close');
  });
});
