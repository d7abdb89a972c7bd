// Opens an exercise for the console: its Dexie log (as the one writer), then
// either a new exercise on an empty log or the engine resumed from the log's
// entries, adapted to the console's session.
import { consoleFeedOf } from './console-frames';
import { LogChainError } from '../../../shared/audit';
import {
  createExercise,
  readOnlyReason,
  resumeExercise,
} from '../../../shared/exercise/exercise-session';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { BUILTIN_PROTOCOL, BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { RoomLog } from '../../../shared/room/room-log';
import { RoomHosting } from '../../../shared/room/room-hosting';
import {
  DexieAuditLog,
  DexieRoomStore,
  saveExercise,
  StorageFailure,
  type TrucelineDatabase,
} from '../storage';
import { getPlatform } from '../platform';
import { localRoomSide, roomSession, type RoomEngineSide } from '../room-host/room-session';
import { engineSession } from './engine-session';
import type { ConsoleSession } from './view-model';

export interface OpenConsoleSessionInput {
  scenario: LoadedScenario;
  exerciseId: string;
  /** `protocolFormat`: the built-in protocol of a new exercise (see Participant in app-store). */
  participant: { name: string; role: 'operator' | 'controller'; protocolFormat?: 1 | 2 };
}

/** Why an exercise could not be opened, with the way out to offer. */
export class ConsoleOpenError extends Error {
  override name = 'ConsoleOpenError';
  constructor(
    message: string,
    readonly wayOut: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The plain message and way out for any failure to open an exercise. */
export function explainOpenFailure(error: unknown): ConsoleOpenError {
  if (error instanceof ConsoleOpenError) return error;
  if (error instanceof StorageFailure) {
    return new ConsoleOpenError(error.message, error.wayOut, { cause: error });
  }
  if (error instanceof LogChainError) {
    return new ConsoleOpenError(
      `The stored log of this exercise is damaged: ${error.message}`,
      'Nothing was changed. Export what the log holds from the Log screen for the auditors, then start a new exercise from the Library.',
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'ResumeError') {
    return new ConsoleOpenError(
      `The log does not fit this scenario: ${message}`,
      'Open the scenario the exercise was made with, or start a new exercise from the Library.',
      { cause: error },
    );
  }
  return new ConsoleOpenError(message, 'Try again, or start a new exercise from the Library.', {
    cause: error,
  });
}

async function recordNewExercise(
  db: TrucelineDatabase,
  exerciseId: string,
  input: OpenConsoleSessionInput,
  hashes: { scoring: string; protocol: string; appVersion: string },
  created: string,
): Promise<void> {
  const { scenario } = input;
  await saveExercise(db, {
    id: exerciseId,
    title: scenario.title,
    classification: scenario.classification,
    scenario_id: scenario.id,
    scenario_hash: scenario.hash,
    scoring_hash: hashes.scoring,
    protocol_hash: hashes.protocol,
    created,
    app_version: hashes.appVersion,
    status: 'active',
    updated: created,
  });
}

/**
 * The log's one writer. A window that just closed the exercise (a reload, a
 * remount) may hold the lock for a moment, so "locked" is retried briefly
 * before it is reported as open elsewhere.
 */
async function openLogWriter(db: TrucelineDatabase, exerciseId: string): Promise<DexieAuditLog> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await DexieAuditLog.open(db, exerciseId, { ifAvailable: true });
    } catch (error) {
      if (!(error instanceof StorageFailure) || error.kind !== 'locked' || attempt >= 10)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * The protocol a new exercise is prepared with: the scenario's own, else the
 * built-in of the format chosen at the start (the app's default when none was).
 */
export function newExerciseDocuments(
  scenario: LoadedScenario,
  format: 1 | 2 | undefined,
): { protocol?: unknown } {
  if (scenario.protocol !== null || format === undefined) return {};
  return { protocol: format === 1 ? BUILTIN_PROTOCOL.document : BUILTIN_PROTOCOL_V2.document };
}

/**
 * The exercise's engine on its Dexie log (created on an empty log, else
 * resumed from it). The engine writes through `roomLog`, the log wrapped for
 * a room from the start, so the controller can open one at any time; it is
 * null for a read-only log (no writer, no room).
 */
export async function openExerciseEngine(
  db: TrucelineDatabase,
  input: OpenConsoleSessionInput,
): Promise<{ engine: ExerciseEngine; log: DexieAuditLog; roomLog: RoomLog | null }> {
  const { scenario, exerciseId, participant } = input;
  let log: DexieAuditLog | null = null;
  try {
    log = await openLogWriter(db, exerciseId);
    const entries = await log.readEntries();
    const actor = { name: participant.name, role: participant.role };
    let engine: ExerciseEngine;
    let roomLog: RoomLog | null = null;
    if (entries.length === 0) {
      roomLog = RoomLog.holding(log, entries);
      const setup = prepareExercise(
        scenario,
        __APP_VERSION__,
        newExerciseDocuments(scenario, participant.protocolFormat),
      );
      engine = await createExercise(setup, roomLog, actor);
      await recordNewExercise(
        db,
        exerciseId,
        input,
        {
          scoring: setup.scoring.hash,
          protocol: setup.protocol.hash,
          appVersion: setup.appVersion,
        },
        new Date().toISOString(),
      );
    } else if (readOnlyReason(entries) !== null) {
      // A log recorded with the version-1 model is shown as it was recorded
      // and takes no new entry (docs/ALERTS-AND-SEVERITY.md): no writer.
      engine = await resumeExercise(scenario, entries, { actor });
    } else {
      roomLog = RoomLog.holding(log, entries);
      engine = await resumeExercise(scenario, entries, { writer: roomLog, actor });
    }
    return { engine, log, roomLog };
  } catch (error) {
    await log?.close().catch(() => undefined);
    throw explainOpenFailure(error);
  }
}

/** The room of an exercise, run next to its engine (RoomHosting) with its state in IndexedDB. */
export function roomHostingOf(
  db: TrucelineDatabase,
  opened: { engine: ExerciseEngine; roomLog: RoomLog | null },
  input: OpenConsoleSessionInput,
  onStatus: ConstructorParameters<typeof RoomHosting>[0]['onStatus'],
): RoomHosting {
  return new RoomHosting({
    engine: opened.engine,
    log: opened.roomLog,
    scenario: input.scenario,
    store: new DexieRoomStore(db, input.exerciseId),
    participant: input.participant,
    readOnly: readOnlyOf(opened.roomLog),
    onStatus,
    consoleFeed: consoleFeedOf(opened.engine, input.scenario),
  });
}

function readOnlyOf(roomLog: RoomLog | null): string | null {
  return roomLog === null ? 'its log was recorded with the version-1 model' : null;
}

/** The control line to the room's listener, from the platform (the server's, in the browser). */
export const openRoomControl = () => getPlatform().openRoomControl({ host: '127.0.0.1', port: 0 });

/** Opens the exercise on this thread; rejects with ConsoleOpenError. */
export async function openConsoleSession(
  db: TrucelineDatabase,
  input: OpenConsoleSessionInput,
): Promise<ConsoleSession> {
  const opened = await openExerciseEngine(db, input);
  let side: ReturnType<typeof localRoomSide> | null = null;
  const hosting = roomHostingOf(db, opened, input, (status) => side?.onStatus(status));
  side = localRoomSide(hosting);
  const resume = await hosting.storedRoomOpen().catch(() => false);
  const session = engineSession({
    engine: opened.engine,
    scenario: input.scenario,
    participant: input.participant,
    onClose: () => {
      room.dispose();
      hosting.dispose();
      void opened.log.close();
    },
  });
  const roomSide: RoomEngineSide = side;
  const room = roomSession(roomSide, openRoomControl, { resume });
  return Object.assign(session, { room });
}
