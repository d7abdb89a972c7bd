// Preload (CommonJS, sandboxed): exposes one narrow object, window.truceline,
// never ipcRenderer itself. Main checks the sender and validates every payload.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS } from '../../shared/security/ipc-channels';
import type { TrucelineApi } from '../../shared/security/preload-api';

const api: TrucelineApi = {
  openScenarioFiles: (request) => ipcRenderer.invoke(IPC_CHANNELS.openScenarioFiles, request),
  saveExport: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveExport, request),
  printToPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, request),
  appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
};

contextBridge.exposeInMainWorld('truceline', api);
