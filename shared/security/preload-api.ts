// The type of `window.truceline`, exposed by electron/preload. Types only, so the
// renderer can import it without pulling in Electron or zod.
import type {
  ElectronAppInfo,
  OpenScenarioFilesRequest,
  OpenedScenarioFile,
  PrintToPdfRequest,
  SaveExportRequest,
  SaveResult,
} from './ipc-contract';

export type {
  ElectronAppInfo,
  ExportKind,
  OpenScenarioFilesRequest,
  OpenedScenarioFile,
  PrintToPdfRequest,
  SaveExportRequest,
  SaveResult,
} from './ipc-contract';

/** The narrow API the preload exposes as `window.truceline`. */
export interface TrucelineApi {
  /** Open dialog (files, or a folder); null when cancelled. */
  openScenarioFiles(request: OpenScenarioFilesRequest): Promise<OpenedScenarioFile[] | null>;
  /** Save dialog, then an atomic write. */
  saveExport(request: SaveExportRequest): Promise<SaveResult>;
  /** Prints the current page to PDF, then saves it like an export. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  appInfo(): Promise<ElectronAppInfo>;
}
