// A recording fake of the Electron API the app uses (electron/main/electron-api.ts
// and the preload's contextBridge/ipcRenderer): it keeps every handler and
// listener the wiring registers, so tests can call them as Electron would and
// look at the answers. Where Electron has a default when nothing is registered
// (requests go through, permissions are granted), the fake has the same, so a
// handler the wiring forgets shows up as a hole, not as a silent pass. Where
// Electron throws (a BrowserWindow or enableSandbox at the wrong time, a second
// handler on one channel), the fake throws too.
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  MenuItemConstructorOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
  Streams,
} from 'electron';
import type {
  AppApi,
  BeforeRequestListener,
  CancellableEvent,
  DialogApi,
  DialogParent,
  InvokeEvent,
  IpcMainApi,
  MainElectronApi,
  MenuApi,
  PermissionCheckHandler,
  PermissionRequestHandler,
  ProtocolApi,
  ResourceType,
  SessionApi,
  WebContentsApi,
  WindowApi,
} from '../../../electron/main/electron-api';

type Listener = (...args: never[]) => unknown;

/** Node's EventEmitter, reduced to what the wiring uses, with emit for the tests. */
class Emitter {
  private readonly listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once: false }]);
    return this;
  }

  once(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once: true }]);
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  emit(event: string, ...args: unknown[]): void {
    const registered = this.listeners.get(event) ?? [];
    this.listeners.set(
      event,
      registered.filter((entry) => !entry.once),
    );
    for (const { listener } of registered) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

/** An event as Electron passes it: records whether a listener cancelled it. */
export class FakeEvent implements CancellableEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export type NavigationKind = 'will-navigate' | 'will-frame-navigate' | 'will-redirect';

export class FakeWebContents extends Emitter implements WebContentsApi {
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly pdfRequests: PrintToPDFOptions[] = [];
  /** What main pushed to the page with send(), in order. */
  readonly sent: { channel: string; args: unknown[] }[] = [];
  /** Set when its window is closed: Electron then throws on every call. */
  destroyed = false;
  /** What printToPDF answers (Chromium's rendering of the page, here fixed bytes). */
  pdfBytes = new TextEncoder().encode('%PDF-1.7\n% rendered by the fake\n%%EOF\n');

  constructor(readonly id: number) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  async printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> {
    this.pdfRequests.push(options);
    return this.pdfBytes;
  }

  /** The page's ipcRenderer, when a test connected one (connectRenderer). */
  renderer: FakeIpcRenderer | null = null;

  send(channel: string, ...args: unknown[]): void {
    // As Electron: "Object has been destroyed".
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    this.sent.push({ channel, args });
    const renderer = this.renderer;
    // Asynchronous and in order, as Electron's IPC; the page gets a copy.
    if (renderer) setTimeout(() => renderer.fromMain(channel, ...structuredClone(args)), 0);
  }

  /** The page reloads: a new document commits in the main frame. */
  reload(url = 'app://bundle/index.html'): void {
    this.emit('did-navigate', {}, url, -1, '');
  }

  /** The page's renderer process crashes or is killed. */
  crash(): void {
    this.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
  }

  /** A navigation of this page as Chromium starts it; true when a listener blocked it. */
  navigate(kind: NavigationKind, url: string): boolean {
    const event = new FakeEvent(url);
    this.emit(kind, event);
    return event.defaultPrevented;
  }

  /** window.open(url); with no handler registered, Electron opens the window. */
  openWindow(url: string): { action: 'allow' | 'deny' } {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }) : { action: 'allow' };
  }

  /** A <webview> being attached; true when a listener blocked it. */
  attachWebview(): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return event.defaultPrevented;
  }
}

export class FakeWindow extends Emitter implements WindowApi {
  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[] = [];
  shown = false;
  focusCount = 0;
  minimized = false;
  destroyed = false;

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    webContentsId: number,
  ) {
    super();
    this.webContents = new FakeWebContents(webContentsId);
  }

  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focusCount += 1;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }

  /** The user closes the window. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends Emitter implements AppApi {
  ready = false;
  sandboxEnabled = false;
  quitCount = 0;
  private markReady: () => void = () => undefined;
  private readonly readiness = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });

  constructor(
    private readonly electron: FakeElectron,
    readonly isPackaged: boolean,
    private readonly gotLock: boolean,
    private readonly paths: Record<'userData' | 'documents', string>,
  ) {
    super();
  }

  enableSandbox(): void {
    // As Electron: "app.enableSandbox() can only be called before app is ready".
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.electron.log.push('app.enableSandbox');
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    this.electron.log.push('app.requestSingleInstanceLock');
    return this.gotLock;
  }
  quit(): void {
    this.electron.log.push('app.quit');
    this.quitCount += 1;
  }
  whenReady(): Promise<void> {
    return this.readiness;
  }
  getVersion(): string {
    return this.electron.version;
  }
  getPath(name: 'userData' | 'documents'): string {
    return this.paths[name];
  }

  /** The app is about to quit (after its windows closed, or at once on a signal). */
  willQuit(): void {
    this.electron.log.push('app.will-quit');
    this.emit('will-quit', {});
  }

  /** Electron becomes ready; resolves once the wiring's whenReady callbacks have run. */
  async becomeReady(): Promise<void> {
    this.ready = true;
    this.electron.log.push('app.ready');
    this.markReady();
    await new Promise((done) => setImmediate(done));
  }
}

class FakeSession extends Emitter implements SessionApi {
  readonly protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  beforeRequest: BeforeRequestListener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener) => {
      this.beforeRequest = listener;
    },
  };
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: (() => boolean) | null = null;
  displayMediaHandler: ((request: unknown, callback: (streams: Streams) => void) => void) | null =
    null;
  spellCheckerEnabled = true;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermissionHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled;
  }
  setDisplayMediaRequestHandler(
    handler: (request: unknown, callback: (streams: Streams) => void) => void,
  ): void {
    this.displayMediaHandler = handler;
  }

  /** A request of the renderer; without a filter Electron lets it through. */
  request(url: string, resourceType: ResourceType): Promise<{ cancel?: boolean }> {
    const listener = this.beforeRequest;
    if (!listener) return Promise.resolve({ cancel: false });
    return new Promise((done) => listener({ url, resourceType }, done));
  }

  /** A page asks for a permission; without a handler Electron grants it. */
  requestPermission(permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((done) => handler(null, permission, done, { requestingUrl }));
  }

  /** Chromium checks a permission synchronously; without a handler, granted. */
  checkPermission(permission: string, requestingUrl: string): boolean {
    const handler = this.permissionCheckHandler;
    if (!handler) return true;
    return handler(null, permission, new URL(requestingUrl).origin, { requestingUrl });
  }

  /** A page asks for a USB/HID/serial device; without a handler, granted. */
  requestDevice(): boolean {
    return this.devicePermissionHandler ? this.devicePermissionHandler() : true;
  }

  /** A download starts; true when a listener blocked it. */
  download(url: string): boolean {
    const event = new FakeEvent(url);
    this.emit('will-download', event, { getURL: () => url });
    return event.defaultPrevented;
  }

  /** getDisplayMedia(); the streams the handler grants, or null with no handler. */
  displayMedia(): Promise<Streams | null> {
    const handler = this.displayMediaHandler;
    if (!handler) return Promise.resolve(null);
    return new Promise((done) => handler({}, done));
  }
}

class FakeIpcMain implements IpcMainApi {
  readonly handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void {
    // As Electron: one handler per channel.
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  /** ipcRenderer.invoke as it reaches main: the reply, or the handler's error as a rejection. */
  async invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class FakeDialog implements DialogApi {
  readonly openCalls: { parent: DialogParent; options: OpenDialogOptions }[] = [];
  readonly saveCalls: { parent: DialogParent; options: SaveDialogOptions }[] = [];
  private readonly openAnswers: OpenDialogReturnValue[] = [];
  private readonly saveAnswers: SaveDialogReturnValue[] = [];

  /** What the user will choose in the next open dialog. */
  willOpen(answer: OpenDialogReturnValue): void {
    this.openAnswers.push(answer);
  }
  /** What the user will choose in the next save dialog. */
  willSave(answer: SaveDialogReturnValue): void {
    this.saveAnswers.push(answer);
  }

  async showOpenDialog(
    parent: DialogParent,
    options: OpenDialogOptions,
  ): Promise<OpenDialogReturnValue> {
    this.openCalls.push({ parent, options });
    const answer = this.openAnswers.shift();
    if (!answer) throw new Error('fake dialog: an open dialog no test expected');
    return answer;
  }

  async showSaveDialog(
    parent: DialogParent,
    options: SaveDialogOptions,
  ): Promise<SaveDialogReturnValue> {
    this.saveCalls.push({ parent, options });
    const answer = this.saveAnswers.shift();
    if (!answer) throw new Error('fake dialog: a save dialog no test expected');
    return answer;
  }
}

interface FakeMenu {
  template: MenuItemConstructorOptions[];
}

class FakeMenuApi implements MenuApi {
  applicationMenu: FakeMenu | null = null;
  buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
    return { template };
  }
  setApplicationMenu(menu: unknown): void {
    this.applicationMenu = menu as FakeMenu;
  }
}

class FakeProtocol implements ProtocolApi {
  privilegedSchemes: CustomScheme[] = [];
  constructor(private readonly electron: FakeElectron) {}
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    // As Electron: only before ready.
    if (this.electron.app.ready) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    }
    this.electron.log.push('protocol.registerSchemesAsPrivileged');
    this.privilegedSchemes = schemes;
  }
}

export interface FakeElectronOptions {
  isPackaged?: boolean;
  /** False: another instance holds the single-instance lock. */
  gotSingleInstanceLock?: boolean;
  /** app.getPath answers (real folders in tests that write files). */
  paths?: Record<'userData' | 'documents', string>;
}

/** The fake main-process Electron API; pass it to wireApp. */
export class FakeElectron implements MainElectronApi {
  /** Calls whose order matters (before or after ready), in order. */
  readonly log: string[] = [];
  readonly version = '0.1.0';
  readonly app: FakeApp;
  readonly protocol: FakeProtocol;
  readonly ipcMain = new FakeIpcMain();
  readonly dialog = new FakeDialog();
  readonly Menu = new FakeMenuApi();
  readonly session = { defaultSession: new FakeSession() };
  readonly windows: FakeWindow[] = [];
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => FakeWindow;
  private nextWebContentsId = 1;

  constructor(options: FakeElectronOptions = {}) {
    this.app = new FakeApp(
      this,
      options.isPackaged ?? false,
      options.gotSingleInstanceLock ?? true,
      options.paths ?? { userData: '/fake/user-data', documents: '/fake/documents' },
    );
    this.protocol = new FakeProtocol(this);
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const electron = this;
    this.BrowserWindow = class extends FakeWindow {
      constructor(windowOptions: BrowserWindowConstructorOptions) {
        // As Electron: "Cannot create BrowserWindow before app is ready".
        if (!electron.app.ready) throw new Error('Cannot create BrowserWindow before app is ready');
        super(windowOptions, electron.nextWebContentsId++);
        electron.log.push('new BrowserWindow');
        electron.windows.push(this);
        // Electron announces every new web contents, the window's included.
        electron.app.emit('web-contents-created', {}, this.webContents);
      }
    };
  }

  /** Some other web contents appears (a DevTools page, a frame's own contents…). */
  createWebContents(): FakeWebContents {
    const contents = new FakeWebContents(this.nextWebContentsId++);
    this.app.emit('web-contents-created', {}, contents);
    return contents;
  }
}

/** An IPC invoke event from a frame of `contents` showing `url`. */
export function invokeEvent(
  contents: { id: number },
  url: string | null,
  frame: 'main' | 'sub' = 'main',
): InvokeEvent {
  return {
    sender: contents,
    senderFrame:
      url === null ? null : { url, parent: frame === 'main' ? null : { url: 'app://bundle/' } },
  };
}

/** The preload's side: a contextBridge that records what is exposed. */
export class FakeContextBridge {
  readonly exposed: { key: string; api: unknown }[] = [];
  exposeInMainWorld(key: string, api: unknown): void {
    // As Electron: a key can be bound once.
    if (this.exposed.some((entry) => entry.key === key)) {
      throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    }
    this.exposed.push({ key, api });
  }
}

/** An ipcRenderer with all its methods; every call is recorded. */
export class FakeIpcRenderer {
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** What main answers to invoke. */
  reply: unknown = { replied: true };

  invoke = (...args: unknown[]): Promise<unknown> => {
    this.calls.push({ method: 'invoke', args });
    return Promise.resolve(this.reply);
  };
  send = (...args: unknown[]): void => this.record('send', args, undefined);
  sendSync = (...args: unknown[]): unknown => this.record('sendSync', args, undefined);
  sendToHost = (...args: unknown[]): void => this.record('sendToHost', args, undefined);
  postMessage = (...args: unknown[]): void => this.record('postMessage', args, undefined);
  /** Listeners added with on(), by channel, as ipcRenderer keeps them. */
  readonly listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  on = (...args: unknown[]): this => {
    const [channel, listener] = args as [string, (event: unknown, ...rest: unknown[]) => void];
    if (typeof listener === 'function') {
      this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    }
    return this.record('on', args, this);
  };
  once = (...args: unknown[]): this => this.record('once', args, this);
  off = (...args: unknown[]): this => this.record('off', args, this);
  addListener = (...args: unknown[]): this => this.record('addListener', args, this);
  removeListener = (...args: unknown[]): this => {
    const [channel, listener] = args as [string, unknown];
    const kept = (this.listeners.get(channel) ?? []).filter((l) => l !== listener);
    this.listeners.set(channel, kept);
    return this.record('removeListener', args, this);
  };
  removeAllListeners = (...args: unknown[]): this => this.record('removeAllListeners', args, this);

  /**
   * Main's webContents.send reaching this renderer: every listener of the
   * channel gets an event whose sender is this ipcRenderer, as in Electron.
   */
  fromMain(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args);
  }

  /** Every function of this ipcRenderer (to check none is exposed). */
  methods(): unknown[] {
    return Object.values(this).filter((value) => typeof value === 'function');
  }

  private record<T>(method: string, args: unknown[], result: T): T {
    this.calls.push({ method, args });
    return result;
  }
}

/**
 * The page of `win` with its ipcRenderer wired to the fake main process:
 * invoke reaches ipcMain's handler as from the window's main frame showing
 * `url`, and the window's webContents.send reaches the page's listeners;
 * both asynchronous and in order, payloads copied, as Electron's IPC.
 */
export function connectRenderer(
  electron: FakeElectron,
  win: FakeWindow,
  url = 'app://bundle/index.html',
): FakeIpcRenderer {
  const ipcRenderer = new FakeIpcRenderer();
  const record = ipcRenderer.invoke;
  ipcRenderer.invoke = (...args: unknown[]) => {
    void record(...args);
    const [channel, ...payload] = args as [string, ...unknown[]];
    return new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
      electron.ipcMain.invoke(
        channel,
        invokeEvent(win.webContents, url),
        ...structuredClone(payload),
      ),
    );
  };
  win.webContents.renderer = ipcRenderer;
  return ipcRenderer;
}
