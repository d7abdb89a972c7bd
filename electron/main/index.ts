// Electron main process entry: hands the real Electron API to the wiring of
// wire-app.ts (unit-tested through a fake of that API); nothing else lives here.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { listenForRoom } from '../../shared/node/room/ws-transport';
import { wireApp } from './wire-app';

const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));

wireApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session },
  {
    rendererRoot,
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    env: process.env,
    platform: process.platform,
    // The room's listener also serves the app's pages, so a seat on another
    // machine opens the address the host shows and joins (docs/ROOMS.md).
    listenForRoom: (accept, options) =>
      listenForRoom(accept, { ...options, pages: { root: rendererRoot } }),
    networkInterfaces,
  },
);
