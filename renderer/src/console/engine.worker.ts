// The exercise engine off the UI thread: the engine, its Dexie log and the
// snapshot mapping run here; the console receives at most one snapshot delta
// per animation frame (~16 ms), however many entries a tick commits.
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { openTrucelineDatabase } from '../storage';
import { engineSession, type EngineConsoleSession } from './engine-session';
import type { FromEngineWorker, ToEngineWorker } from './engine-worker-messages';
import { explainOpenFailure, openExerciseEngine, roomHostingOf } from './open-console-session';
import { ForwardedConnection, type RoomHosting } from '../../../shared/room/room-hosting';
import { createDeltaEncoder } from './snapshot-delta';
import { injectsToSend } from './inject-sync';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToEngineWorker>) => void) | null;
  postMessage(message: FromEngineWorker): void;
  close(): void;
}
const scope = self as unknown as WorkerScope;

const FRAME_MS = 16;
let session: EngineConsoleSession | null = null;
/** The room next to the engine, and its end of the UI thread's control line while open. */
let hosting: RoomHosting | null = null;
let control: ForwardedConnection | null = null;
let roomToResume = false;
/** The injected events the console has, in order (a backward seek may drop the last ones). */
const sentInjects: ReplayEvent[] = [];
const encode = createDeltaEncoder();

function post(type: 'opened' | 'snapshot'): void {
  if (!session) return;
  const delta = encode(session.getSnapshot());
  const n = session.scenario.events.length;
  const { kept, fresh: injects } = injectsToSend(sentInjects, session.eventAt, n);
  const dropped = kept < sentInjects.length;
  sentInjects.length = kept;
  sentInjects.push(...injects);
  if (type === 'opened') {
    // A resumed exercise's injected events (live injects, held or moved MSEL
    // injects delivered) travel with the first snapshot: the console renders
    // its messages as soon as the session opens, and a later snapshot that
    // changes nothing else would not make it look again.
    scope.postMessage({
      type,
      delta,
      injects,
      readOnly: session.readOnly,
      protocolFormat: session.protocolFormat,
      room: hosting!.status(),
      roomToResume,
    });
    return;
  }
  if (dropped) scope.postMessage({ type, delta, injects, injectsKept: kept });
  else scope.postMessage(injects.length > 0 ? { type, delta, injects } : { type, delta });
}

async function open(message: Extract<ToEngineWorker, { type: 'open' }>): Promise<void> {
  try {
    const db = await openTrucelineDatabase();
    const opened = await openExerciseEngine(db, message);
    const { engine, log } = opened;
    const room = roomHostingOf(db, opened, message, (status) =>
      scope.postMessage({ type: 'room-status', status }),
    );
    hosting = room;
    roomToResume = await room.storedRoomOpen().catch(() => false);
    session = engineSession({
      engine,
      scenario: message.scenario,
      participant: message.participant,
      schedule: (run) => void setTimeout(run, FRAME_MS),
      onClose: () => {
        room.dispose();
        void log.close();
      },
    });
    session.subscribe(() => post('snapshot'));
    post('opened');
    post('snapshot');
  } catch (error) {
    const failure = explainOpenFailure(error);
    scope.postMessage({ type: 'open-failed', message: failure.message, wayOut: failure.wayOut });
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'open':
      void open(message);
      break;
    case 'tick':
      session?.tick(message.wallMs);
      break;
    case 'checkpoint':
      // Best effort: the page may be gone before the write commits.
      session?.checkpointNow().catch(() => {});
      break;
    case 'command': {
      if (!session) {
        scope.postMessage({ type: 'result', id: message.id, error: 'the exercise is not open' });
        break;
      }
      const run = session.commands[message.name] as (...args: unknown[]) => Promise<void>;
      run(...message.args).then(
        () => scope.postMessage({ type: 'result', id: message.id, error: null }),
        (error: unknown) =>
          scope.postMessage({
            type: 'result',
            id: message.id,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
      break;
    }
    case 'room-open': {
      const answer = (error: string | null) =>
        scope.postMessage({ type: 'result', id: message.id, error });
      if (!hosting) {
        answer('the exercise is not open');
        break;
      }
      control?.ended('a new control line replaced it');
      const line = new ForwardedConnection('the host tab', {
        send: (text) => scope.postMessage({ type: 'room-out', text }),
        close: (reason) => scope.postMessage({ type: 'room-close-control', reason }),
      });
      control = line;
      hosting.open(line).then(
        () => answer(null),
        (error: unknown) => answer(error instanceof Error ? error.message : String(error)),
      );
      break;
    }
    case 'room-in':
      if (typeof message.text === 'string') control?.deliver(message.text);
      break;
    case 'room-control-closed':
      control?.ended(String(message.reason));
      control = null;
      break;
    case 'room-command': {
      const answer = (error: string | null) =>
        scope.postMessage({ type: 'result', id: message.id, error });
      if (!hosting) {
        answer('the exercise is not open');
        break;
      }
      // The command is checked against its schema by RoomHosting.command.
      hosting.command(message.command).then(
        () => answer(null),
        (error: unknown) => answer(error instanceof Error ? error.message : String(error)),
      );
      break;
    }
    case 'close':
      session?.close();
      session = null;
      break;
  }
};
