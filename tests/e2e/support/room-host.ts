// The host of a room for the seat's e2e spec: a real exercise engine on the
// quick-demo sample, a RoomHost over a RoomLog and the room's listener serving
// the built app. Loaded through run-ts's bundle (the engine imports JSON
// documents, which Playwright's loader cannot): see loadRoomHost below.
import { resolve } from 'node:path';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { listenForRoom } from '../../../shared/node/room/ws-transport';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { RoomHost } from '../../../shared/room/room-host';
import { consoleFeedOf } from '../../../renderer/src/console/console-frames';
import { RoomLog } from '../../../shared/room/room-log';
import { MemoryRoomStore } from '../../../shared/room/room-state';

export const CONTROL = { name: 'Control (host)', role: 'controller' as const };

export async function openRoomHost(options: { port: number; root: string; sample: string }) {
  const loaded = await loadScenarioFromPath(resolve(options.sample));
  if (!loaded.ok || loaded.kind !== 'scenario') throw new Error(`${options.sample} did not load`);
  const scenario = loaded.scenario;
  const memory = new MemoryAuditLog('room-seat-e2e');
  const log = await RoomLog.over(memory);
  const engine = await createExercise(prepareExercise(scenario, 'e2e', {}), log, CONTROL);
  const host = await RoomHost.open({
    engine,
    log,
    scenario,
    store: new MemoryRoomStore(),
    reservedNames: [CONTROL.name],
    consoleFeed: consoleFeedOf(engine, scenario),
  });
  const listener = await listenForRoom((c) => host.accept(c), {
    host: '127.0.0.1',
    port: options.port,
    pages: { root: options.root },
  });
  return { engine, log, memory, host, listener };
}
