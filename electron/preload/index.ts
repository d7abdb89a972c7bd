// Preload entry (CommonJS, sandboxed): hands the real contextBridge and
// ipcRenderer to expose-api.ts (unit-tested through fakes of both).
import { contextBridge, ipcRenderer } from 'electron';
import { exposeApi } from './expose-api';

exposeApi(contextBridge, ipcRenderer);
