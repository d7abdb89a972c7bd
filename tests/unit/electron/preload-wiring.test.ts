// The preload as wired by exposeApi, driven through a recording contextBridge
// and ipcRenderer (fake-electron.ts): the page must get window.truceline and
// nothing else, and no way to reach ipcRenderer or another channel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exposeApi } from '../../../electron/preload/expose-api';
import { IPC_CHANNELS, IPC_PUSH_CHANNELS } from '../../../shared/security/ipc-channels';
import { FakeContextBridge, FakeIpcRenderer } from './fake-electron';

/** The channel each call of window.truceline must use, and whether it carries a payload. */
const CALLS = {
  openScenarioFiles: { channel: IPC_CHANNELS.openScenarioFiles, payload: true },
  saveExport: { channel: IPC_CHANNELS.saveExport, payload: true },
  printToPdf: { channel: IPC_CHANNELS.printToPdf, payload: true },
  appInfo: { channel: IPC_CHANNELS.appInfo, payload: false },
  'room.interfaces': { channel: IPC_CHANNELS.roomInterfaces, payload: false },
  'room.listen': { channel: IPC_CHANNELS.roomListen, payload: true },
  'room.send': { channel: IPC_CHANNELS.roomSend, payload: true },
  'room.close': { channel: IPC_CHANNELS.roomClose, payload: false },
} as const;

type Call = (...args: unknown[]) => unknown;

/** The function at a dotted path of the exposed API ("room.listen"). */
function callAt(api: unknown, path: string): Call {
  return path
    .split('.')
    .reduce((value, key) => (value as Record<string, unknown>)[key], api) as Call;
}

function expose() {
  const contextBridge = new FakeContextBridge();
  const ipcRenderer = new FakeIpcRenderer();
  exposeApi(contextBridge, ipcRenderer);
  const api = contextBridge.exposed[0]?.api as Record<string, unknown> & {
    room: Record<string, Call>;
  };
  return { contextBridge, ipcRenderer, api };
}

/** Every value reachable from `root` through own properties and prototypes (but Object's and Function's). */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const stop = new Set<unknown>([Object.prototype, Function.prototype]);
  const visit = (value: unknown) => {
    if (seen.has(value) || stop.has(value)) return;
    seen.add(value);
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
      for (const inner of [descriptor.value, descriptor.get, descriptor.set]) visit(inner);
    }
    visit(Reflect.getPrototypeOf(value));
  };
  visit(root);
  return [...seen];
}

describe('preload', () => {
  it('exposes one object, window.truceline, with its calls and the room object', () => {
    const { contextBridge, api } = expose();
    expect(contextBridge.exposed.map((entry) => entry.key)).toEqual(['truceline']);
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'openScenarioFiles',
      'printToPdf',
      'room',
      'saveExport',
    ]);
    expect(Object.keys(api.room).sort()).toEqual([
      'close',
      'interfaces',
      'listen',
      'onMessage',
      'send',
    ]);
    for (const path of [...Object.keys(CALLS), 'room.onMessage']) {
      expect(typeof callAt(api, path)).toBe('function');
    }
  });

  it('exposes neither ipcRenderer nor any of its methods, however deep', () => {
    const { contextBridge, ipcRenderer } = expose();
    const forbidden = new Set<unknown>([ipcRenderer, ...ipcRenderer.methods()]);
    const leaked = contextBridge.exposed
      .flatMap((entry) => reachable(entry.api))
      .filter((value) => forbidden.has(value));
    expect(leaked).toEqual([]);
    // Exposing it would not have needed a call; nothing ran through it yet either.
    expect(ipcRenderer.calls).toEqual([]);
  });

  it('each call invokes its own channel with its one payload, whatever the page passes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(CALLS) as (keyof typeof CALLS)[])),
        fc.array(fc.oneof(fc.anything(), fc.constantFrom(...Object.values(IPC_CHANNELS))), {
          maxLength: 4,
        }),
        (name, args) => {
          const { ipcRenderer, api } = expose();
          void callAt(api, name)(...args);
          const { channel, payload } = CALLS[name];
          expect(ipcRenderer.calls).toEqual([
            { method: 'invoke', args: payload ? [channel, args[0]] : [channel] },
          ]);
        },
      ),
    );
  });

  it("returns main's answer", async () => {
    const { ipcRenderer, api } = expose();
    ipcRenderer.reply = { version: '0.1.0' };
    await expect(callAt(api, 'appInfo')()).resolves.toEqual({ version: '0.1.0' });
  });
});

describe('preload: the room push channel', () => {
  it('hands the page the text of each relay message, never the IPC event', () => {
    const { ipcRenderer, api } = expose();
    const heard: unknown[][] = [];
    api.room.onMessage!((...args: unknown[]) => heard.push(args));
    expect(ipcRenderer.calls.map((c) => [c.method, c.args[0]])).toEqual([
      ['on', IPC_PUSH_CHANNELS.roomMessage],
    ]);
    ipcRenderer.fromMain(IPC_PUSH_CHANNELS.roomMessage, '{"r":"listening","url":"ws://x"}');
    expect(heard).toEqual([['{"r":"listening","url":"ws://x"}']]);
  });

  it('passes on nothing but strings, and hears only its own channel', () => {
    const { ipcRenderer, api } = expose();
    const heard: unknown[] = [];
    api.room.onMessage!((text: unknown) => heard.push(text));
    ipcRenderer.fromMain(IPC_PUSH_CHANNELS.roomMessage, { r: 'frame' });
    ipcRenderer.fromMain(IPC_PUSH_CHANNELS.roomMessage, ipcRenderer);
    ipcRenderer.fromMain(IPC_CHANNELS.appInfo, 'not a room message');
    expect(heard).toEqual([]);
  });

  it('unsubscribes the listener it added, and only that one', () => {
    const { ipcRenderer, api } = expose();
    const first: string[] = [];
    const second: string[] = [];
    const stop = api.room.onMessage!((text: string) => first.push(text)) as () => void;
    api.room.onMessage!((text: string) => second.push(text));
    stop();
    ipcRenderer.fromMain(IPC_PUSH_CHANNELS.roomMessage, 'after');
    expect(first).toEqual([]);
    expect(second).toEqual(['after']);
    expect(ipcRenderer.listeners.get(IPC_PUSH_CHANNELS.roomMessage)).toHaveLength(1);
  });
});
