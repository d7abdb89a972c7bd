// Electron main process: kept thin; every policy decision lives in pure,
// unit-tested functions (see electron/main/policy/).
import { app, BrowserWindow } from 'electron';

app.whenReady().then(() => {
  const win = new BrowserWindow({
    width: 1600,
    height: 1000,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  void win.loadURL('about:blank');
});
