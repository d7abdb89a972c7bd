// Messages between the console and the exercise engine's Web Worker. The UI
// thread sends ticks and commands; the worker answers each command once its
// log entry is committed and posts at most one snapshot delta per frame.
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { SnapshotDelta } from './snapshot-delta';
import type { ConsoleCommands } from './view-model';
import type { OpenConsoleSessionInput } from './open-console-session';
import type { RoomStatus } from '../../../shared/room/room-hosting';

export type CommandName = keyof ConsoleCommands;

export type ToEngineWorker =
  | {
      type: 'open';
      scenario: LoadedScenario;
      exerciseId: string;
      participant: OpenConsoleSessionInput['participant'];
    }
  | { type: 'tick'; wallMs: number }
  /** The page is going away or hidden: log a clock checkpoint if the clock moved. */
  | { type: 'checkpoint' }
  | { type: 'command'; id: number; name: CommandName; args: unknown[] }
  /**
   * The room (docs/ROOMS.md, "The host's screen"). The UI thread holds the
   * control line to the room's listener: `room-open` hands it over (its
   * messages follow as `room-in`, its end as `room-control-closed`);
   * `room-command` carries one RoomCommand, checked by its schema in the worker.
   */
  | { type: 'room-open'; id: number }
  | { type: 'room-in'; text: string }
  | { type: 'room-control-closed'; reason: string }
  | { type: 'room-command'; id: number; command: unknown }
  | { type: 'close' };

export type FromEngineWorker =
  /** `readOnly`: why the exercise can only be read (a version-1 log), or null. */
  | {
      type: 'opened';
      delta: SnapshotDelta;
      /** The injected events the engine holds when it opens (a resumed exercise's). */
      injects: ReplayEvent[];
      readOnly: string | null;
      protocolFormat: 1 | 2;
      /** The room's status, and whether its room was open when the exercise was last left. */
      room: RoomStatus;
      roomToResume: boolean;
    }
  | { type: 'open-failed'; message: string; wayOut: string }
  /** `injectsKept`: how many injected events the console keeps before appending `injects`. */
  | { type: 'snapshot'; delta: SnapshotDelta; injects?: ReplayEvent[]; injectsKept?: number }
  | { type: 'result'; id: number; error: string | null }
  /** What the room sends on the control line, and its closing of it. */
  | { type: 'room-out'; text: string }
  | { type: 'room-close-control'; reason: string }
  /** The room's status, at most four times a second and only while something changes. */
  | { type: 'room-status'; status: RoomStatus };
