// The IPC channels. Each handler first checks the sender frame, then parses
// its payload with the shared zod schema, and only then acts.
import { join } from 'node:path';
import {
  EXPORT_KIND_EXTENSIONS,
  IPC_CHANNELS,
  IPC_PUSH_CHANNELS,
  openScenarioFilesRequestSchema,
  parseIpcPayload,
  printToPdfRequestSchema,
  roomListenRequestSchema,
  roomSendRequestSchema,
  saveExportRequestSchema,
  type ElectronAppInfo,
  type ExportKind,
  type IpcChannel,
  type OpenedScenarioFile,
  type RoomInterface,
  type RoomListening,
  type SaveResult,
} from '../../shared/security/ipc-contract';
import { isTrustedSender } from '../../shared/security/trusted-sender';
import type { AppApi, DialogApi, InvokeEvent, IpcMainApi, WindowApi } from './electron-api';
import { listScenarioFiles, listScenarioFolder } from './files/collect-scenario-files';
import type { PickedFiles } from './files/picked-files';
import { writeFileAtomic } from './files/write-file-atomic';
import type { RoomListenerControl } from './room-listener';

const SCENARIO_FILE_FILTERS = [
  { name: 'Scenario files', extensions: ['json', 'ndjson', 'jsonl', 'csv', 'geojson'] },
  { name: 'All files', extensions: ['*'] },
];

export interface IpcDependencies {
  app: Pick<AppApi, 'getVersion' | 'getPath'>;
  dialog: DialogApi;
  /** The app window; IPC is accepted from its main frame only. */
  getWindow: () => WindowApi | null;
  devServerOrigin: string | null;
  picked: PickedFiles;
  /** The room listener, opened and closed by the window's page. */
  room: RoomListenerControl;
}

/** What a room call refused says: the channel, then why. */
function roomRefusal(channel: IpcChannel, error: unknown): Error {
  const why = error instanceof Error ? error.message : String(error);
  return new Error(`${channel}: ${why}`, { cause: error });
}

/** Registers the handlers of every channel of IPC_CHANNELS on `ipcMain`. */
export function registerIpcHandlers(
  ipcMain: IpcMainApi,
  { app, dialog, getWindow, devServerOrigin, picked, room }: IpcDependencies,
): void {
  const trustedWindow = (event: InvokeEvent, channel: IpcChannel): WindowApi => {
    const win = getWindow();
    const frame = event.senderFrame;
    const decision = isTrustedSender(
      {
        frameUrl: frame?.url ?? null,
        isMainFrame: frame !== null && frame.parent === null,
        webContentsId: event.sender.id,
      },
      win && !win.isDestroyed() ? win.webContents.id : null,
      devServerOrigin,
    );
    if (!decision.trusted || !win) {
      const reason = decision.trusted ? 'no app window' : decision.reason;
      console.warn(`[truceline] ${channel} refused: ${reason}`);
      throw new Error(`${channel}: refused: ${reason}`);
    }
    return win;
  };

  ipcMain.handle(
    IPC_CHANNELS.openScenarioFiles,
    async (event, payload: unknown): Promise<OpenedScenarioFile[] | null> => {
      const win = trustedWindow(event, IPC_CHANNELS.openScenarioFiles);
      const { folder } = parseIpcPayload(
        IPC_CHANNELS.openScenarioFiles,
        openScenarioFilesRequestSchema,
        payload,
      );
      const result = await dialog.showOpenDialog(win, {
        title: folder ? 'Open a scenario folder' : 'Open scenario files',
        properties: folder ? ['openDirectory'] : ['openFile', 'multiSelections'],
        filters: folder ? [] : SCENARIO_FILE_FILTERS,
      });
      if (result.canceled || result.filePaths.length === 0) return null;
      const [first] = result.filePaths;
      if (folder && first) {
        const listed = await listScenarioFolder(first);
        return picked.register(listed.files, listed.root);
      }
      return picked.register(await listScenarioFiles(result.filePaths), null);
    },
  );

  ipcMain.handle(IPC_CHANNELS.saveExport, async (event, payload: unknown): Promise<SaveResult> => {
    const win = trustedWindow(event, IPC_CHANNELS.saveExport);
    const request = parseIpcPayload(IPC_CHANNELS.saveExport, saveExportRequestSchema, payload);
    return saveWithDialog(
      { app, dialog },
      win,
      request.suggestedName,
      request.kind,
      request.content,
    );
  });

  ipcMain.handle(IPC_CHANNELS.printToPdf, async (event, payload: unknown): Promise<SaveResult> => {
    const win = trustedWindow(event, IPC_CHANNELS.printToPdf);
    const request = parseIpcPayload(IPC_CHANNELS.printToPdf, printToPdfRequestSchema, payload);
    const pdf = await win.webContents.printToPDF({
      printBackground: true,
      landscape: request.landscape ?? false,
      pageSize: request.pageSize ?? 'A4',
    });
    return saveWithDialog({ app, dialog }, win, request.suggestedName, 'pdf', pdf);
  });

  ipcMain.handle(IPC_CHANNELS.appInfo, (event): ElectronAppInfo => {
    trustedWindow(event, IPC_CHANNELS.appInfo);
    // Electron's types declare these always set, but the handlers are plain Node
    // code (Electron comes in through the injected APIs): under Node they are absent.
    const versions: Partial<Record<string, string>> = process.versions;
    return {
      version: app.getVersion(),
      platform: process.platform,
      arch: process.arch,
      userDataPath: app.getPath('userData'),
      versions: {
        electron: versions.electron ?? '',
        chrome: versions.chrome ?? '',
        node: process.versions.node,
      },
    };
  });

  ipcMain.handle(IPC_CHANNELS.roomInterfaces, (event): RoomInterface[] => {
    trustedWindow(event, IPC_CHANNELS.roomInterfaces);
    return room.interfaces();
  });

  ipcMain.handle(
    IPC_CHANNELS.roomListen,
    async (event, payload: unknown): Promise<RoomListening> => {
      const win = trustedWindow(event, IPC_CHANNELS.roomListen);
      const request = parseIpcPayload(IPC_CHANNELS.roomListen, roomListenRequestSchema, payload);
      // The room talks to the page that opened it and to no other: the push
      // is bound to this window's web contents, and stops once it is gone.
      const contents = win.webContents;
      const push = (text: string) => {
        if (!win.isDestroyed()) contents.send(IPC_PUSH_CHANNELS.roomMessage, text);
      };
      try {
        return await room.listen(contents.id, request, push);
      } catch (error) {
        throw roomRefusal(IPC_CHANNELS.roomListen, error);
      }
    },
  );

  ipcMain.handle(IPC_CHANNELS.roomSend, (event, payload: unknown): void => {
    const win = trustedWindow(event, IPC_CHANNELS.roomSend);
    const message = parseIpcPayload(IPC_CHANNELS.roomSend, roomSendRequestSchema, payload);
    try {
      room.send(win.webContents.id, message);
    } catch (error) {
      throw roomRefusal(IPC_CHANNELS.roomSend, error);
    }
  });

  ipcMain.handle(IPC_CHANNELS.roomClose, async (event): Promise<void> => {
    const win = trustedWindow(event, IPC_CHANNELS.roomClose);
    await room.close(win.webContents.id, 'the room was closed');
  });
}

async function saveWithDialog(
  { app, dialog }: Pick<IpcDependencies, 'app' | 'dialog'>,
  win: WindowApi,
  suggestedName: string,
  kind: ExportKind,
  content: string | Uint8Array,
): Promise<SaveResult> {
  const filter = EXPORT_KIND_EXTENSIONS[kind];
  const result = await dialog.showSaveDialog(win, {
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [
      { name: filter.label, extensions: filter.extensions },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  await writeFileAtomic(result.filePath, content);
  return { saved: true, path: result.filePath };
}
