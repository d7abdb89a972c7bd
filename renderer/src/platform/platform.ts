// The one way the renderer reaches the host: Electron's preload when present,
// the browser's file input and download otherwise (e2e tests, offline demos).
import type { ExportKind } from '../../../shared/security/preload-api';
import type { RoomListenOptions } from '../../../shared/room/relay';
import type { RoomConnection } from '../../../shared/room/transport';

/** A file the user picked or dropped. Reading is lazy in the browser. */
export interface PickedFile {
  /** Base name, e.g. "drone.ndjson". */
  name: string;
  /** "/"-separated path inside the picked folder ("feeds/drone.ndjson"), or the name for single files. */
  relativePath: string;
  size: number;
  /** UTF-8 with replacement characters; use bytes() to decode strictly. */
  text(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  stream(): ReadableStream<Uint8Array>;
}

export interface SaveExportOptions {
  suggestedName: string;
  content: string | Uint8Array;
  mimeType: string;
  /** Overrides the kind derived from mimeType (e.g. "log-bundle" for an application/json log). */
  kind?: ExportKind;
}

export interface SaveResult {
  saved: boolean;
  /** Where it was written (Electron only; a browser download does not say). */
  path?: string;
}

export interface PrintOptions {
  /** File name proposed for the PDF (Electron). */
  suggestedName: string;
  landscape?: boolean;
  pageSize?: 'A4' | 'Letter';
}

export interface PrintResult extends SaveResult {
  /** True when the browser's print dialog was opened instead (its outcome is unknown). */
  viaPrintDialog: boolean;
}

export interface AppInfo {
  version: string;
  /** "linux" | "win32" | "darwin" in Electron, "browser" otherwise. */
  platform: string;
  userDataPath: string | null;
  electronVersion: string | null;
  chromeVersion: string | null;
}

export interface Platform {
  kind: 'electron' | 'browser';
  /** Opens files (or a whole folder); null when the user cancelled. */
  openScenarioFiles(options: { folder: boolean }): Promise<PickedFile[] | null>;
  saveExport(options: SaveExportOptions): Promise<SaveResult>;
  /** Electron: PDF of the current page, saved like an export. Browser: window.print(). */
  printReport(options: PrintOptions): Promise<PrintResult>;
  appInfo(): Promise<AppInfo>;
  /**
   * The host's control line to its room's listener (docs/ROOMS.md): relay
   * messages as JSON text both ways, the listener's first one
   * `{ r: 'listening', url }`. Rejects with why the room cannot be opened.
   */
  openRoomControl(options: RoomListenOptions): Promise<RoomConnection>;
}
