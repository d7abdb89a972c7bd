// Electron main process, kept thin: every decision (requests, permissions,
// navigation, IPC senders and payloads) is a pure function in shared/security.
import { app, BrowserWindow, Menu, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { APP_ENTRY_URL, APP_SCHEME } from '../../shared/security/app-origin';
import { respondFromBundle } from './bundle-response';
import { PickedFiles } from './files/picked-files';
import { hardenAllWebContents, hardenSession } from './harden';
import { appMenuTemplate } from './app-menu';
import { registerIpcHandlers } from './ipc-handlers';
import { mainWindowOptions } from './window-options';

// Must precede `ready`: without standard+secure the renderer gets no IndexedDB,
// storage persistence or WebCrypto on app://.
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

const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// electron-vite dev serves the renderer over http; never honoured when packaged.
const devServerOrigin =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL
    ? new URL(process.env.ELECTRON_RENDERER_URL).origin
    : null;

let mainWindow: BrowserWindow | null = null;
const picked = new PickedFiles();

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(
    devServerOrigin && process.env.ELECTRON_RENDERER_URL
      ? process.env.ELECTRON_RENDERER_URL
      : APP_ENTRY_URL,
  );
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  hardenAllWebContents(app, devServerOrigin);
  registerIpcHandlers(() => mainWindow, devServerOrigin, picked);
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.protocol.handle(APP_SCHEME, (request) =>
      respondFromBundle(request.url, rendererRoot, picked),
    );
    hardenSession(ses, devServerOrigin);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({ isMac: process.platform === 'darwin', devTools: !app.isPackaged }),
      ),
    );
    mainWindow = createWindow();
    app.on('activate', () => {
      if (!mainWindow) mainWindow = createWindow();
    });
  });
}
