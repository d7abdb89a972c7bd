// The whole main process, given the Electron API as a parameter (index.ts passes
// the real module; unit tests a recording fake). Every decision it wires in is a
// pure function of shared/security; this is only the order of the calls.
import { APP_ENTRY_URL, APP_SCHEME } from '../../shared/security/app-origin';
import { appMenuTemplate } from './app-menu';
import { respondFromBundle } from './bundle-response';
import type { MainElectronApi, WindowApi } from './electron-api';
import { PickedFiles } from './files/picked-files';
import { hardenAllWebContents, hardenSession } from './harden';
import { registerIpcHandlers } from './ipc-handlers';
import { RoomListenerControl, type ListenForRoom } from './room-listener';
import type { OsInterfaces } from '../../shared/security/room-interfaces';
import { mainWindowOptions } from './window-options';

export interface WireOptions {
  /** Folder of the built renderer (out/renderer), served as app://bundle/. */
  rendererRoot: string;
  /** The built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** process.env: ELECTRON_RENDERER_URL names the dev server of `npm run dev`. */
  env: Readonly<Record<string, string | undefined>>;
  /** process.platform (the menu differs on macOS). */
  platform: string;
  /** Starts a room's listener (shared/node/room/ws-transport.ts's listenForRoom); called only when the page opens a room. */
  listenForRoom: ListenForRoom;
  /** os.networkInterfaces: the addresses a room may listen on. */
  networkInterfaces: () => OsInterfaces;
}

/** Sets up the app: call once, at start-up, before Electron is ready. */
export function wireApp(electron: MainElectronApi, options: WireOptions): void {
  const { app, protocol } = electron;
  // Both must precede `ready`. Without standard+secure the renderer gets no
  // IndexedDB, storage persistence or WebCrypto on app://.
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const devServerUrl = devServerUrlOf(app.isPackaged, options.env);
  const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  const picked = new PickedFiles();
  let mainWindow: WindowApi | null = null;
  // Nothing listens for seats until the page opens a room, and nothing after
  // the page that opened it is gone (closed, reloaded, crashed) or the app quits.
  const room = new RoomListenerControl({
    listen: options.listenForRoom,
    networkInterfaces: options.networkInterfaces,
  });
  const closeRoom = (owner: number | undefined, reason: string) => {
    room.close(owner, reason).catch((error: unknown) => {
      console.warn(`[truceline] closing the room failed: ${String(error)}`);
    });
  };

  const createWindow = (): WindowApi => {
    const win = new electron.BrowserWindow(mainWindowOptions(options.preloadPath));
    // Read now: a closed window's web contents can no longer be asked.
    const contentsId = win.webContents.id;
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      mainWindow = null;
      closeRoom(contentsId, 'the host window closed');
    });
    win.webContents.on('did-navigate', () => closeRoom(contentsId, 'the host page was reloaded'));
    win.webContents.on('render-process-gone', () => closeRoom(contentsId, 'the host page crashed'));
    void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
    return win;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  hardenAllWebContents(app, devServerOrigin);
  registerIpcHandlers(electron.ipcMain, {
    app,
    dialog: electron.dialog,
    getWindow: () => mainWindow,
    devServerOrigin,
    picked,
    room,
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => closeRoom(undefined, 'the app quit'));

  void app.whenReady().then(() => {
    const session = electron.session.defaultSession;
    session.protocol.handle(APP_SCHEME, (request) =>
      respondFromBundle(request.url, options.rendererRoot, picked),
    );
    hardenSession(session, devServerOrigin);
    const { Menu } = electron;
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({ isMac: options.platform === 'darwin', devTools: !app.isPackaged }),
      ),
    );
    mainWindow = createWindow();
    app.on('activate', () => {
      if (!mainWindow) mainWindow = createWindow();
    });
  });
}

/**
 * The electron-vite dev server the window loads in development, from
 * ELECTRON_RENDERER_URL; never honoured when packaged.
 */
export function devServerUrlOf(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const url = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !url) return null;
  // Its origin is compared with request and frame origins: an opaque one
  // ("localhost:5173" parses, as scheme "localhost:") would match nothing sane.
  const protocol = URL.canParse(url) ? new URL(url).protocol : null;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new Error(`ELECTRON_RENDERER_URL "${url}" is not an http(s) URL`);
  }
  return url;
}
