import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { RoomHost } from '../../../shared/room/room-host';
import { DexieRoomStore, openTrucelineDatabase } from '../../../renderer/src/storage';
import { HOST_ACTOR, openRoom } from '../room/room-fixture';

test('the room kept in IndexedDB reopens with the same code after the database is reopened; a cleared one starts afresh', async () => {
  const name = `room-store-${process.pid}`;
  const room = await openRoom();
  room.host.kill();
  const reopen = async (db: Awaited<ReturnType<typeof openTrucelineDatabase>>) =>
    RoomHost.open({
      engine: room.engine,
      log: room.log,
      scenario: room.scenario,
      store: new DexieRoomStore(db, 'room-ex'),
      reservedNames: [HOST_ACTOR.name],
    });
  let db = await openTrucelineDatabase(name);
  const first = await reopen(db);
  const code = first.joinCode;
  first.kill();
  db.close();

  db = await openTrucelineDatabase(name);
  expect(await new DexieRoomStore(db, 'room-ex').load()).toMatchObject({
    format: 'truceline-room-state',
    exercise_id: 'room-ex',
  });
  expect(await new DexieRoomStore(db, 'another-exercise').load()).toBeNull();
  const second = await reopen(db);
  expect(second.joinCode).toBe(code);
  second.kill();

  await new DexieRoomStore(db, 'room-ex').clear();
  const third = await reopen(db);
  expect(third.joinCode).not.toBe(code);
  third.kill();
  db.close();
  await Dexie.delete(name);
});

test('a stored room of another exercise is refused by name', async () => {
  const name = `room-store-other-${process.pid}`;
  const room = await openRoom();
  room.host.kill();
  const db = await openTrucelineDatabase(name);
  const state = { ...JSON.parse(JSON.stringify(await room.store.load())), exercise_id: 'ex-b' };
  await new DexieRoomStore(db, 'room-ex').save(state);
  await expect(
    RoomHost.open({
      engine: room.engine,
      log: room.log,
      scenario: room.scenario,
      store: new DexieRoomStore(db, 'room-ex'),
    }),
  ).rejects.toThrow(/belongs to exercise "ex-b"/);
  db.close();
  await Dexie.delete(name);
});
