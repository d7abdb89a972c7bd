// The main process as wired by wireApp, driven through a recording fake of
// Electron (fake-electron.ts): each hook is called as Electron would call it,
// and the answer checked. The policies themselves are tested in tests/unit/security;
// these tests fail when the wiring stops applying them.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wireApp } from '../../../electron/main/wire-app';
import { listenForRoom } from '../../../shared/node/room/ws-transport';
import { APP_ENTRY_URL } from '../../../shared/security/app-origin';
import { IPC_CHANNELS } from '../../../shared/security/ipc-channels';
import type {
  ElectronAppInfo,
  OpenedScenarioFile,
  SaveResult,
} from '../../../shared/security/ipc-contract';
import { FakeElectron, invokeEvent, type FakeElectronOptions } from './fake-electron';

const PRELOAD = '/opt/truceline/out/preload/index.cjs';
const INDEX = '<!doctype html><title>EXERCISE</title>';

let base: string;
let rendererRoot: string;
let documents: string;
let warnings: string[];

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'truceline-wiring-'));
  rendererRoot = join(base, 'renderer');
  documents = join(base, 'documents');
  await mkdir(rendererRoot, { recursive: true });
  await mkdir(documents);
  await writeFile(join(rendererRoot, 'index.html'), INDEX);
  warnings = [];
  // The wiring reports what it blocks on the console; kept for assertions.
  vi.spyOn(console, 'warn').mockImplementation((message: string) => warnings.push(message));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(base, { recursive: true, force: true });
});

/** Wires the app into a fresh fake, as index.ts does at start-up. */
function wire(
  options: FakeElectronOptions & { env?: Record<string, string>; platform?: string } = {},
): FakeElectron {
  const electron = new FakeElectron({
    paths: { userData: join(base, 'user-data'), documents },
    ...options,
  });
  wireApp(electron, {
    rendererRoot,
    preloadPath: PRELOAD,
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    listenForRoom,
    networkInterfaces,
  });
  return electron;
}

/** Wires the app and lets Electron become ready; returns the fake and the main window. */
async function started(options: Parameters<typeof wire>[0] = {}) {
  const electron = wire(options);
  await electron.app.becomeReady();
  const win = electron.windows[0];
  if (!win) throw new Error('no window was created');
  return { electron, win, session: electron.session.defaultSession };
}

describe('start-up', () => {
  it('turns the sandbox on and makes app:// privileged before Electron is ready', async () => {
    const electron = wire();
    await electron.app.becomeReady();
    const ready = electron.log.indexOf('app.ready');
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.log.indexOf('app.enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(electron.log.indexOf('app.enableSandbox')).toBeLessThan(ready);
    expect(electron.log.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(electron.protocol.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }),
      },
    ]);
  });

  it('opens one sandboxed, isolated window on app://bundle/ with the preload, shown when ready', async () => {
    const { electron, win } = await started();
    expect(electron.windows).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('serves the renderer bundle through the app:// handler', async () => {
    const { session } = await started();
    const handler = session.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect((await handler!(new Request('app://bundle/nope.js'))).status).toBe(404);
  });

  it('sets its own menu, without DevTools when packaged', async () => {
    const { electron } = await started({ isPackaged: true });
    const roles = JSON.stringify(electron.Menu.applicationMenu?.template);
    expect(roles).toContain('"editMenu"');
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('help');
  });

  it('a second instance quits at once and wires nothing more', async () => {
    const electron = wire({ gotSingleInstanceLock: false });
    await electron.app.becomeReady();
    expect(electron.app.quitCount).toBe(1);
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('brings its window forward when a second instance starts', async () => {
    const { electron, win } = await started();
    win.minimized = true;
    electron.app.emit('second-instance', {}, [], '/');
    expect(win.minimized).toBe(false);
    expect(win.focusCount).toBe(1);
  });

  it('quits when its window closes, and re-opens it on activate (macOS)', async () => {
    const { electron, win } = await started({ platform: 'darwin' });
    win.close();
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCount).toBe(1);
    electron.app.emit('activate');
    expect(electron.windows).toHaveLength(2);
    electron.app.emit('activate');
    expect(electron.windows).toHaveLength(2);
  });

  it('loads the dev server in development only; a packaged app ignores ELECTRON_RENDERER_URL', async () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    const dev = await started({ env });
    expect(dev.win.loadedUrls).toEqual(['http://localhost:5173/']);
    expect(await dev.session.request('http://localhost:5173/src/main.tsx', 'script')).toEqual({
      cancel: false,
    });
    const packaged = await started({ env, isPackaged: true });
    expect(packaged.win.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(await packaged.session.request('http://localhost:5173/src/main.tsx', 'script')).toEqual({
      cancel: true,
    });
    expect(packaged.win.webContents.navigate('will-navigate', 'http://localhost:5173/')).toBe(true);
  });

  it.each(['not a url', 'localhost:5173', 'file:///tmp/index.html'])(
    'refuses to start on ELECTRON_RENDERER_URL=%s, naming it',
    (url) => {
      expect(() => wire({ env: { ELECTRON_RENDERER_URL: url } })).toThrow(
        `ELECTRON_RENDERER_URL "${url}" is not an http(s) URL`,
      );
    },
  );
});

describe('web contents: navigation, new windows, <webview>', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)(
    'blocks %s away from the app, and lets the app reload itself',
    async (kind) => {
      const { win } = await started();
      for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://other/']) {
        expect(win.webContents.navigate(kind, url), url).toBe(true);
      }
      expect(win.webContents.navigate(kind, 'app://bundle/index.html#/console')).toBe(false);
      expect(warnings.join('\n')).toContain('"https://example.org/" blocked');
    },
  );

  it('guards every web contents, not only the main window', async () => {
    const { electron } = await started();
    const other = electron.createWebContents();
    expect(other.navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(other.openWindow('https://example.org/')).toEqual({ action: 'deny' });
  });

  it('denies every new window, even one on the app', async () => {
    const { win } = await started();
    expect(win.webContents.windowOpenHandler).not.toBeNull();
    expect(win.webContents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(win.webContents.openWindow(APP_ENTRY_URL)).toEqual({ action: 'deny' });
  });

  it('blocks <webview>', async () => {
    const { win } = await started();
    expect(win.webContents.attachWebview()).toBe(true);
  });
});

describe('session: requests, permissions, downloads', () => {
  it.each([
    ['https://example.org/x.js', 'script'],
    ['http://127.0.0.1:4317/', 'xhr'],
    ['file:///etc/passwd', 'xhr'],
    ['ws://example.org/socket', 'webSocket'],
    ['data:text/html,<script>1</script>', 'subFrame'],
  ] as const)('cancels %s (%s): the app is offline', async (url, type) => {
    const { session } = await started();
    expect(await session.request(url, type)).toEqual({ cancel: true });
  });

  it('lets the app load its own bundle and data: images', async () => {
    const { session } = await started();
    expect(await session.request('app://bundle/assets/index.js', 'script')).toEqual({
      cancel: false,
    });
    expect(await session.request('data:image/png;base64,AA==', 'image')).toEqual({ cancel: false });
  });

  it.each(['geolocation', 'media', 'notifications', 'clipboard-read', 'openExternal', 'hid'])(
    'denies the %s permission, asked or checked, even to the app',
    async (permission) => {
      const { session } = await started();
      expect(await session.requestPermission(permission, APP_ENTRY_URL)).toBe(false);
      expect(session.checkPermission(permission, APP_ENTRY_URL)).toBe(false);
    },
  );

  it('grants persistent storage to the app only', async () => {
    const { session } = await started();
    expect(await session.requestPermission('persistent-storage', APP_ENTRY_URL)).toBe(true);
    expect(session.checkPermission('persistent-storage', APP_ENTRY_URL)).toBe(true);
    expect(await session.requestPermission('persistent-storage', 'https://example.org/')).toBe(
      false,
    );
    expect(session.checkPermission('persistent-storage', 'https://example.org/')).toBe(false);
  });

  it('grants clipboard writing (About copies the public key) to the app only', async () => {
    const { session } = await started();
    expect(await session.requestPermission('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(session.checkPermission('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(session.checkPermission('clipboard-sanitized-write', 'https://example.org/')).toBe(
      false,
    );
  });

  it('denies devices and screen capture, blocks downloads, turns spell-check downloads off', async () => {
    const { session } = await started();
    expect(session.requestDevice()).toBe(false);
    expect(await session.displayMedia()).toEqual({});
    expect(session.download('https://example.org/payload.exe')).toBe(true);
    expect(session.spellCheckerEnabled).toBe(false);
  });
});

describe('IPC', () => {
  const trusted = (contents: { id: number }) => invokeEvent(contents, 'app://bundle/index.html');
  const validPayloads: Record<string, unknown> = {
    [IPC_CHANNELS.openScenarioFiles]: { folder: false },
    [IPC_CHANNELS.saveExport]: { suggestedName: 'log.json', content: '{}', kind: 'json' },
    [IPC_CHANNELS.printToPdf]: { suggestedName: 'report.pdf' },
    [IPC_CHANNELS.appInfo]: undefined,
    [IPC_CHANNELS.roomInterfaces]: undefined,
    [IPC_CHANNELS.roomListen]: { host: '127.0.0.1', port: 0 },
    [IPC_CHANNELS.roomSend]: '{"r":"close","id":1,"reason":"done"}',
    [IPC_CHANNELS.roomClose]: undefined,
  };

  it('handles exactly the channels of IPC_CHANNELS', async () => {
    const { electron } = await started();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(
      Object.values(IPC_CHANNELS).sort(),
    );
  });

  it('answers app info to the main frame of the app window', async () => {
    const { electron, win } = await started();
    const info = (await electron.ipcMain.invoke(
      IPC_CHANNELS.appInfo,
      trusted(win.webContents),
    )) as ElectronAppInfo;
    expect(info.version).toBe(electron.version);
    expect(info.userDataPath).toBe(join(base, 'user-data'));
  });

  describe.each(Object.values(IPC_CHANNELS))('%s', (channel) => {
    it.each([
      ['another web contents', (id: number) => invokeEvent({ id: id + 100 }, APP_ENTRY_URL)],
      ['a subframe', (id: number) => invokeEvent({ id }, APP_ENTRY_URL, 'sub')],
      ['a page off the app', (id: number) => invokeEvent({ id }, 'https://example.org/')],
      ['a frame that is gone', (id: number) => invokeEvent({ id }, null)],
    ])('refuses %s, before any dialog, file or room', async (_who, event) => {
      const { electron, win } = await started();
      await expect(
        electron.ipcMain.invoke(channel, event(win.webContents.id), validPayloads[channel]),
      ).rejects.toThrow(new RegExp(`^${channel}: refused: `));
      expect(electron.dialog.openCalls).toEqual([]);
      expect(electron.dialog.saveCalls).toEqual([]);
      expect(win.webContents.pdfRequests).toEqual([]);
      expect(win.webContents.sent).toEqual([]);
    });

    it('refuses the window once it is closed', async () => {
      const { electron, win } = await started();
      win.close();
      await expect(
        electron.ipcMain.invoke(channel, trusted(win.webContents), validPayloads[channel]),
      ).rejects.toThrow(/refused/);
    });
  });

  it.each([
    [IPC_CHANNELS.openScenarioFiles, { folder: 'yes' }, /folder/],
    [IPC_CHANNELS.openScenarioFiles, { folder: true, path: '/etc' }, /path/],
    [
      IPC_CHANNELS.saveExport,
      { suggestedName: '../../.bashrc', content: 'x', kind: 'text' },
      /suggestedName/,
    ],
    [IPC_CHANNELS.saveExport, { suggestedName: 'a.txt', content: 42, kind: 'text' }, /content/],
    [IPC_CHANNELS.saveExport, { suggestedName: 'a.txt', content: 'x', kind: 'exe' }, /kind/],
    [IPC_CHANNELS.printToPdf, { suggestedName: 'r.pdf', pageSize: 'A3' }, /pageSize/],
    [IPC_CHANNELS.printToPdf, null, /payload/],
  ])('%s refuses the invalid payload %j before any dialog', async (channel, payload, field) => {
    const { electron, win } = await started();
    const refusal = electron.ipcMain.invoke(channel, trusted(win.webContents), payload);
    await expect(refusal).rejects.toThrow(new RegExp(`^${channel}: invalid payload: `));
    await expect(refusal).rejects.toThrow(field);
    expect(electron.dialog.openCalls).toEqual([]);
    expect(electron.dialog.saveCalls).toEqual([]);
    expect(win.webContents.pdfRequests).toEqual([]);
  });

  it('saves an export where the user chose, atomically, offering Documents first', async () => {
    const { electron, win } = await started();
    const target = join(documents, 'chosen.json');
    electron.dialog.willSave({ canceled: false, filePath: target });
    const result = (await electron.ipcMain.invoke(
      IPC_CHANNELS.saveExport,
      trusted(win.webContents),
      {
        suggestedName: 'log.json',
        content: '{"entries":[]}',
        kind: 'log-bundle',
      },
    )) as SaveResult;
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('{"entries":[]}');
    const [call] = electron.dialog.saveCalls;
    expect(call?.parent).toBe(win);
    expect(call?.options.defaultPath).toBe(join(documents, 'log.json'));
    expect(call?.options.filters?.[0]).toEqual({
      name: 'Truceline log bundle',
      extensions: ['json'],
    });
    expect((await readdir(documents)).sort()).toEqual(['chosen.json']);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { electron, win } = await started();
    electron.dialog.willSave({ canceled: true, filePath: '' });
    const result = await electron.ipcMain.invoke(
      IPC_CHANNELS.saveExport,
      trusted(win.webContents),
      {
        suggestedName: 'log.json',
        content: 'x',
        kind: 'json',
      },
    );
    expect(result).toEqual({ saved: false });
    expect(await readdir(documents)).toEqual([]);
  });

  it('prints the window to PDF with the asked layout and saves it', async () => {
    const { electron, win } = await started();
    const target = join(documents, 'report.pdf');
    electron.dialog.willSave({ canceled: false, filePath: target });
    const result = await electron.ipcMain.invoke(
      IPC_CHANNELS.printToPdf,
      trusted(win.webContents),
      {
        suggestedName: 'report.pdf',
        landscape: true,
        pageSize: 'Letter',
      },
    );
    expect(result).toEqual({ saved: true, path: target });
    expect(win.webContents.pdfRequests).toEqual([
      { printBackground: true, landscape: true, pageSize: 'Letter' },
    ]);
    expect(Buffer.compare(await readFile(target), Buffer.from(win.webContents.pdfBytes))).toBe(0);
  });

  it('opens a picked folder and serves its files over app://bundle/__picked/', async () => {
    const { electron, win, session } = await started();
    const folder = join(base, 'scenario');
    await mkdir(join(folder, 'feeds'), { recursive: true });
    await writeFile(join(folder, 'scenario.json'), '{"id":"s"}');
    await writeFile(join(folder, 'feeds', 'a.ndjson'), '{"n":1}\n');
    electron.dialog.willOpen({ canceled: false, filePaths: [folder] });
    const files = (await electron.ipcMain.invoke(
      IPC_CHANNELS.openScenarioFiles,
      trusted(win.webContents),
      { folder: true },
    )) as OpenedScenarioFile[];
    expect(electron.dialog.openCalls[0]?.options.properties).toEqual(['openDirectory']);
    expect(files.map((file) => file.relativePath).sort()).toEqual([
      'feeds/a.ndjson',
      'scenario.json',
    ]);
    const feed = files.find((file) => file.relativePath === 'feeds/a.ndjson')!;
    const response = await session.protocolHandlers.get('app')!(new Request(feed.url));
    expect(await response.text()).toBe('{"n":1}\n');
  });

  it('answers null when the open dialog is cancelled', async () => {
    const { electron, win } = await started();
    electron.dialog.willOpen({ canceled: true, filePaths: [] });
    expect(
      await electron.ipcMain.invoke(IPC_CHANNELS.openScenarioFiles, trusted(win.webContents), {
        folder: false,
      }),
    ).toBeNull();
  });
});
