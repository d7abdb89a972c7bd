// Messages between the console and the exercise engine's Web Worker. The UI
// thread sends ticks and commands; the worker answers each command once its
// log entry is committed and posts at most one snapshot delta per frame.
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { SnapshotDelta } from './snapshot-delta';
import type { ConsoleCommands } from './view-model';
import type { OpenConsoleSessionInput } from './open-console-session';

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
    }
  | { type: 'open-failed'; message: string; wayOut: string }
  /** `injectsKept`: how many injected events the console keeps before appending `injects`. */
  | { type: 'snapshot'; delta: SnapshotDelta; injects?: ReplayEvent[]; injectsKept?: number }
  | { type: 'result'; id: number; error: string | null };
