// Electron main process entry: hands the real Electron API to the wiring of
// wire-app.ts (unit-tested through a fake of that API); nothing else lives here.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { listenForRoom } from '../../shared/node/room/ws-transport';
import { wireApp } from './wire-app';

wireApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session },
  {
    rendererRoot: fileURLToPath(new URL('../renderer', import.meta.url)),
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    env: process.env,
    platform: process.platform,
    listenForRoom,
    networkInterfaces,
  },
);
