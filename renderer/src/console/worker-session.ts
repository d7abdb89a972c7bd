// The console's session when the engine runs in a Web Worker: the same
// ConsoleSession as on the UI thread, fed by the snapshot deltas the worker posts.
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { CommandName, FromEngineWorker, ToEngineWorker } from './engine-worker-messages';
import { watchPageHide } from './engine-session';
import {
  ConsoleOpenError,
  openRoomControl,
  type OpenConsoleSessionInput,
} from './open-console-session';
import { CLOSED_ROOM, type RoomStatus } from '../../../shared/room/room-hosting';
import type { RoomConnection } from '../../../shared/room/transport';
import { roomSession, type RoomEngineSide } from '../room-host/room-session';
import { createDeltaDecoder } from './snapshot-delta';
import type { ConsoleCommands, ConsoleSession, ConsoleSnapshot } from './view-model';

/** The worker itself failed (not the exercise): the caller may run the engine on its own thread. */
export class WorkerStartError extends Error {
  override name = 'WorkerStartError';
}

// Every command, as a record so that the compiler refuses a command the
// worker path forgets (a missing one would be undefined in the console).
const COMMAND_NAMES: Record<CommandName, true> = {
  play: true,
  pause: true,
  autoPause: true,
  autoSlow: true,
  setSpeed: true,
  seek: true,
  stepToNextEvent: true,
  stepToNextAlert: true,
  acknowledge: true,
  startProtocol: true,
  act: true,
  jumpToEntry: true,
  dismissSeverityPrompt: true,
  ackParty: true,
  inject: true,
  link: true,
  unlink: true,
  actInTrack: true,
  ackPartyInTrack: true,
  takeOverParty: true,
  handBackParty: true,
  partyMove: true,
  partyAck: true,
  chairAction: true,
  linkMessage: true,
  note: true,
  issueProduct: true,
  controlInject: true,
};

/** Starts the engine worker and opens the exercise in it; rejects with ConsoleOpenError. */
export function openWorkerSession(input: OpenConsoleSessionInput): Promise<ConsoleSession> {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: `exercise ${input.exerciseId}`,
  });
  const send = (message: ToEngineWorker) => worker.postMessage(message);
  const listeners = new Set<() => void>();
  const pending = new Map<number, { resolve(): void; reject(error: Error): void }>();
  const injects: ReplayEvent[] = [];
  const decode = createDeltaDecoder();
  let snapshot: ConsoleSnapshot | null = null;
  let readOnly: string | null = null;
  let protocolFormat: 1 | 2 = 1;
  let nextId = 1;
  let frame = 0;
  let stopWatchingPage = () => {};
  // The room runs in the worker; this thread holds its control line and its last status.
  let roomStatus: RoomStatus = CLOSED_ROOM;
  let control: RoomConnection | null = null;
  const roomListeners = new Set<() => void>();
  const answered = (id: number) =>
    new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
  const roomSide: RoomEngineSide = {
    open(line) {
      const id = nextId++;
      const done = answered(id);
      control?.close('a new control line replaced it');
      control = line;
      send({ type: 'room-open', id });
      line.listen({
        message: (text) => send({ type: 'room-in', text }),
        // Only the current line's end is news to the worker (one it closed itself is not).
        close: (reason) => {
          if (control !== line) return;
          control = null;
          send({ type: 'room-control-closed', reason });
        },
      });
      return done;
    },
    command(command) {
      const id = nextId++;
      const done = answered(id);
      send({ type: 'room-command', id, command });
      return done;
    },
    status: () => roomStatus,
    subscribe(listener) {
      roomListeners.add(listener);
      return () => roomListeners.delete(listener);
    },
  };

  const call =
    (name: CommandName) =>
    (...args: unknown[]): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        send({ type: 'command', id, name, args });
      });
  const commands = Object.fromEntries(
    Object.keys(COMMAND_NAMES).map((name) => [name, call(name as CommandName)]),
  ) as unknown as ConsoleCommands;

  return new Promise<ConsoleSession>((resolve, reject) => {
    const session: ConsoleSession = {
      scenario: input.scenario,
      actor: input.participant.name,
      role: input.participant.role,
      get readOnly() {
        return readOnly;
      },
      get protocolFormat() {
        return protocolFormat;
      },
      getSnapshot: () => snapshot!,
      eventAt: (seq) => {
        const n = input.scenario.events.length;
        return seq < n ? input.scenario.events[seq] : injects[seq - n];
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      tick: (wallMs) => send({ type: 'tick', wallMs }),
      commands,
      close() {
        stopWatchingPage();
        cancelAnimationFrame(frame);
        send({ type: 'close' });
        session.room?.dispose();
        control?.close('the host left the exercise');
        roomListeners.clear();
        // Give the worker a moment to release the log's lock before it goes.
        setTimeout(() => worker.terminate(), 1000);
        listeners.clear();
      },
    };
    worker.onmessage = (event: MessageEvent<FromEngineWorker>) => {
      const message = event.data;
      switch (message.type) {
        case 'opened':
          snapshot = decode(message.delta);
          injects.push(...message.injects);
          readOnly = message.readOnly;
          protocolFormat = message.protocolFormat;
          roomStatus = message.room;
          stopWatchingPage = watchPageHide(() => send({ type: 'checkpoint' }));
          session.room = roomSession(roomSide, openRoomControl, { resume: message.roomToResume });
          resolve(session);
          break;
        case 'open-failed':
          worker.terminate();
          reject(new ConsoleOpenError(message.message, message.wayOut));
          break;
        case 'snapshot':
          snapshot = decode(message.delta);
          if (message.injectsKept !== undefined) injects.length = message.injectsKept;
          if (message.injects) injects.push(...message.injects);
          // At most one render per animation frame, whatever the worker sends.
          if (frame === 0) {
            frame = requestAnimationFrame(() => {
              frame = 0;
              for (const listener of listeners) listener();
            });
          }
          break;
        case 'result': {
          const waiter = pending.get(message.id);
          pending.delete(message.id);
          if (message.error === null) waiter?.resolve();
          else waiter?.reject(new Error(message.error));
          break;
        }
        case 'room-out':
          control?.send(message.text);
          break;
        case 'room-close-control': {
          const line = control;
          control = null;
          line?.close(message.reason);
          break;
        }
        case 'room-status':
          roomStatus = message.status;
          for (const listener of roomListeners) listener();
          break;
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new WorkerStartError(event.message || 'worker error'));
    };
    send({ type: 'open', ...input });
  });
}
