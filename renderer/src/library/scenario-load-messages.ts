// Messages between the Library and the scenario-loading worker.
import type {
  Diagnostic,
  LoadedScenario,
  ReplayEvent,
} from '../../../shared/scenario/loaded-scenario';

export interface LoadRequest {
  /** `scenario`: a package (folder or *.scenario.json); `feed`: one feed file on its own. */
  mode: 'scenario' | 'feed';
  name: string;
  files: [path: string, bytes: Uint8Array][];
  /** For mode `feed`: the feed's path among `files`. */
  feedPath?: string;
  /** Pack the files as Blobs for storing (an import to keep). */
  pack?: boolean;
}

export interface LoadProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  events: number;
}

/** A package file as a Blob, for IndexedDB to keep by reference. */
export interface PackedFile {
  path: string;
  blob: Blob;
}

export type LoadResult =
  | {
      ok: true;
      mode: 'scenario';
      scenario: LoadedScenario;
      /**
       * When asked (`pack`), the package's files packed where the load ran:
       * copying 31 MB into Blobs took about 50 ms, too long for the UI thread.
       */
      files?: PackedFile[];
      warnings: Diagnostic[];
    }
  | { ok: true; mode: 'feed'; events: number; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/**
 * A loaded scenario's events come in slices of EVENTS_PER_MESSAGE before its
 * `done` (whose scenario then has no events): one message of 100,000 events
 * was one long task of about 330 ms on the UI thread as it was unpacked.
 */
export const EVENTS_PER_MESSAGE = 2000;

export type WorkerReply =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'events'; events: ReplayEvent[] }
  | { type: 'done'; result: LoadResult }
  | { type: 'crashed'; message: string };
