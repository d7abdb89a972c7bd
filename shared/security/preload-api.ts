// The type of `window.truceline`, exposed by electron/preload. Types only, so the
// renderer can import it without pulling in Electron or zod.
import type {
  ElectronAppInfo,
  OpenScenarioFilesRequest,
  OpenedScenarioFile,
  PrintToPdfRequest,
  RoomInterface,
  RoomListenRequest,
  RoomListening,
  SaveExportRequest,
  SaveResult,
} from './ipc-contract';

export type {
  ElectronAppInfo,
  ExportKind,
  OpenScenarioFilesRequest,
  OpenedScenarioFile,
  PrintToPdfRequest,
  RoomInterface,
  RoomListenRequest,
  RoomListening,
  SaveExportRequest,
  SaveResult,
} from './ipc-contract';

/**
 * The host's room in the desktop app (docs/ROOMS.md, "Opening a room"): main
 * listens for seats while the room is open and relays, as JSON text both ways,
 * the messages of shared/room/relay.ts (RelayToHost to the page, RelayToServer
 * from it).
 */
export interface TrucelineRoomApi {
  /** This computer's addresses the room may listen on, loopback first. */
  interfaces(): Promise<RoomInterface[]>;
  /**
   * Opens the room's listener; the first message pushed is
   * `{ r: 'listening', url }`. Rejects with why (a room already open, not this
   * computer's address, the port taken…).
   */
  listen(request: RoomListenRequest): Promise<RoomListening>;
  /** One RelayToServer message, as JSON text. */
  send(text: string): Promise<void>;
  /** Closes every seat and stops listening. */
  close(): Promise<void>;
  /** Hears each RelayToHost message (JSON text); returns the unsubscribe. */
  onMessage(listener: (text: string) => void): () => void;
}

/** The narrow API the preload exposes as `window.truceline`. */
export interface TrucelineApi {
  /** Open dialog (files, or a folder); null when cancelled. */
  openScenarioFiles(request: OpenScenarioFilesRequest): Promise<OpenedScenarioFile[] | null>;
  /** Save dialog, then an atomic write. */
  saveExport(request: SaveExportRequest): Promise<SaveResult>;
  /** Prints the current page to PDF, then saves it like an export. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  appInfo(): Promise<ElectronAppInfo>;
  room: TrucelineRoomApi;
}
