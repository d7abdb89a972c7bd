// window.truceline: one narrow object of calls, each bound to its own channel,
// and the room's one push channel heard through a listener that gets the
// message text only. Never ipcRenderer itself, nor any of its methods, nor the
// IPC event (its `sender` is ipcRenderer): a page holding `invoke` or `send`
// could talk on any channel. Main checks the sender and validates every
// payload anyway.
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, IPC_PUSH_CHANNELS } from '../../shared/security/ipc-channels';
import type { TrucelineApi, TrucelineRoomApi } from '../../shared/security/preload-api';

/** What the preload uses of ipcRenderer (the real one satisfies it). */
export interface PreloadIpc extends Pick<IpcRenderer, 'invoke'> {
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(
    channel: string,
    listener: (event: IpcRendererEvent, ...args: unknown[]) => void,
  ): unknown;
}

/** The room's calls, and the listener of main's pushed relay messages. */
function roomApi(ipcRenderer: PreloadIpc): TrucelineRoomApi {
  return {
    interfaces: () => ipcRenderer.invoke(IPC_CHANNELS.roomInterfaces),
    listen: (request) => ipcRenderer.invoke(IPC_CHANNELS.roomListen, request),
    send: (text) => ipcRenderer.invoke(IPC_CHANNELS.roomSend, text),
    close: () => ipcRenderer.invoke(IPC_CHANNELS.roomClose),
    onMessage(listener) {
      const channel = IPC_PUSH_CHANNELS.roomMessage;
      const heard = (_event: IpcRendererEvent, text: unknown) => {
        if (typeof text === 'string') listener(text);
      };
      ipcRenderer.on(channel, heard);
      return () => {
        ipcRenderer.removeListener(channel, heard);
      };
    },
  };
}

/** The API, each call forwarding its one payload on its own channel. */
export function trucelineApi(ipcRenderer: PreloadIpc): TrucelineApi {
  return {
    openScenarioFiles: (request) => ipcRenderer.invoke(IPC_CHANNELS.openScenarioFiles, request),
    saveExport: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveExport, request),
    printToPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, request),
    appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
    room: roomApi(ipcRenderer),
  };
}

/** Exposes the API to the page as `window.truceline`, and nothing else. */
export function exposeApi(
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipcRenderer: PreloadIpc,
): void {
  contextBridge.exposeInMainWorld('truceline', trucelineApi(ipcRenderer));
}
