// window.truceline: one narrow object of four calls, each bound to its own
// channel. Never ipcRenderer itself, nor any of its methods: a page holding
// `invoke` or `send` could talk on any channel. Main checks the sender and
// validates every payload anyway.
import type { ContextBridge, IpcRenderer } from 'electron';
import { IPC_CHANNELS } from '../../shared/security/ipc-channels';
import type { TrucelineApi } from '../../shared/security/preload-api';

/** The API, each call forwarding its one payload on its own channel. */
export function trucelineApi(ipcRenderer: Pick<IpcRenderer, 'invoke'>): TrucelineApi {
  return {
    openScenarioFiles: (request) => ipcRenderer.invoke(IPC_CHANNELS.openScenarioFiles, request),
    saveExport: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveExport, request),
    printToPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, request),
    appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
  };
}

/** Exposes the API to the page as `window.truceline`, and nothing else. */
export function exposeApi(
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipcRenderer: Pick<IpcRenderer, 'invoke'>,
): void {
  contextBridge.exposeInMainWorld('truceline', trucelineApi(ipcRenderer));
}
