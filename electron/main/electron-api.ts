// The part of Electron's main-process API the app uses, as narrow interfaces.
// The wiring takes them as parameters instead of importing 'electron', so unit
// tests drive it through a recording fake (tests/unit/electron/fake-electron.ts);
// index.ts passes the real module, which is also the compile-time check that
// Electron satisfies these interfaces. Types only: importing 'electron' at run
// time outside Electron fails.
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
import type { ElectronResourceType } from '../../shared/security/request-policy';

/** An event whose default action (a navigation, a download…) a listener may cancel. */
export interface CancellableEvent {
  preventDefault(): void;
}

/** will-navigate, will-frame-navigate and will-redirect carry the target URL. */
export interface NavigationEvent extends CancellableEvent {
  url: string;
}

export interface WebContentsApi {
  readonly id: number;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: CancellableEvent) => void): unknown;
  /** Another document committed in the main frame (a reload): the page that was there is gone. */
  on(event: 'did-navigate', listener: () => void): unknown;
  on(event: 'render-process-gone', listener: () => void): unknown;
  /** Pushes a message to the page's ipcRenderer listeners of `channel`. */
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
}

/** What a dialog needs of its parent (Electron takes any BaseWindow). */
export interface DialogParent {
  isDestroyed(): boolean;
}

export interface WindowApi extends DialogParent {
  readonly webContents: WebContentsApi;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => WindowApi;

export interface AppApi {
  readonly isPackaged: boolean;
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  whenReady(): Promise<void>;
  getVersion(): string;
  getPath(name: 'userData' | 'documents'): string;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'will-quit', listener: () => void): unknown;
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: WebContentsApi) => void,
  ): unknown;
}

/** Electron's webRequest resource types (defined once, beside the policy that reads them). */
export type ResourceType = ElectronResourceType;

export type BeforeRequestListener = (
  details: { url: string; resourceType: ResourceType },
  callback: (response: { cancel?: boolean }) => void,
) => void;

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;

export type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: { requestingUrl?: string },
) => boolean;

export interface SessionApi {
  readonly protocol: {
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };
  readonly webRequest: { onBeforeRequest(listener: BeforeRequestListener): void };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  setDisplayMediaRequestHandler(
    handler: (request: unknown, callback: (streams: Streams) => void) => void,
  ): void;
  on(
    event: 'will-download',
    listener: (event: CancellableEvent, item: { getURL(): string }) => void,
  ): unknown;
}

export interface DialogApi {
  showOpenDialog(parent: DialogParent, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(parent: DialogParent, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/** What main knows of the sender of an IPC invoke. */
export interface InvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface IpcMainApi {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface MenuApi {
  buildFromTemplate(template: MenuItemConstructorOptions[]): unknown;
  /** Takes what buildFromTemplate returned. */
  setApplicationMenu(menu: unknown): void;
}

export interface ProtocolApi {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
}

/** The Electron modules main uses (the real `electron` module satisfies it). */
export interface MainElectronApi {
  app: AppApi;
  BrowserWindow: WindowConstructor;
  dialog: DialogApi;
  ipcMain: IpcMainApi;
  Menu: MenuApi;
  protocol: ProtocolApi;
  session: { readonly defaultSession: SessionApi };
}
