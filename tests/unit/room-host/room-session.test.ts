// The UI thread's side of the host's room (roomSession) over the room run on
// the same thread (localRoomSide + RoomHosting on a real engine), with the
// control line as an in-memory connection.
import { describe, expect, it } from 'vitest';
import { RoomHosting } from '../../../shared/room/room-hosting';
import { MemoryRoomStore } from '../../../shared/room/room-state';
import { memoryPair } from '../../../shared/room/transport';
import { localRoomSide, roomSession } from '../../../renderer/src/room-host/room-session';
import { HOST_ACTOR, openRoom, waitFor } from '../room/room-fixture';

async function sideOf(participant: { name: string; role: string } = HOST_ACTOR) {
  const room = await openRoom();
  room.host.kill();
  let side: ReturnType<typeof localRoomSide> | null = null;
  const hosting = new RoomHosting({
    engine: room.engine,
    log: room.log,
    scenario: room.scenario,
    store: new MemoryRoomStore(),
    participant,
    readOnly: null,
    onStatus: (s) => side?.onStatus(s),
  });
  side = localRoomSide(hosting);
  return { side, hosting };
}

describe('the host’s room on the UI thread (roomSession)', () => {
  it('opens over the line it dials and tells the panel where seats dial', async () => {
    const { side, hosting } = await sideOf();
    const { seatEnd, hostEnd } = memoryPair('listener');
    const room = roomSession(side, async () => seatEnd, { resume: false });
    hostEnd.listen({ message: () => {}, close: () => {} });
    await room.open();
    hostEnd.send(JSON.stringify({ r: 'listening', url: 'ws://127.0.0.1:5000/room' }));
    await waitFor('open with its address', () => room.getStatus().seatsUrl !== null);
    expect(room.getStatus()).toMatchObject({ state: 'open', seatsUrl: 'ws://127.0.0.1:5000/room' });
    expect(room.getStatus().code).toBe(hosting.status().code);
    hosting.dispose();
  });

  it('shows why the line did not open, and the room stays closed', async () => {
    const { side, hosting } = await sideOf();
    const room = roomSession(
      side,
      () => Promise.reject(new Error('this server was not started with --room')),
      { resume: false },
    );
    await expect(room.open()).rejects.toThrow(/not started with --room/);
    expect(room.getStatus()).toMatchObject({
      state: 'closed',
      problem: 'The room could not open: this server was not started with --room',
    });
    hosting.dispose();
  });

  it('refuses an operator before dialling anything', async () => {
    const { side, hosting } = await sideOf({ name: 'Op', role: 'operator' });
    let dialled = false;
    const room = roomSession(
      side,
      async () => {
        dialled = true;
        return memoryPair().seatEnd;
      },
      { resume: false },
    );
    await expect(room.open()).rejects.toThrow(/Only a controller/);
    expect(dialled).toBe(false);
    expect(room.getStatus().refusal).toMatch(/Only a controller/);
    hosting.dispose();
  });

  it('hangs up a line that answers after the console closed (it would hold the listener’s one host place)', async () => {
    const { side, hosting } = await sideOf();
    const { seatEnd, hostEnd } = memoryPair('listener');
    let closedWith: string | null = null;
    hostEnd.listen({ message: () => {}, close: (r) => (closedWith = r) });
    let answer: (c: typeof seatEnd) => void = () => {};
    const room = roomSession(side, () => new Promise((r) => (answer = r)), { resume: true });
    room.dispose();
    answer(seatEnd);
    await waitFor('line hung up', () => closedWith !== null);
    expect(closedWith).toBe('the console closed');
    expect(hosting.status().state).toBe('closed');
    hosting.dispose();
  });
});
