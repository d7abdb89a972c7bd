// The preload as wired by exposeApi, driven through a recording contextBridge
// and ipcRenderer (fake-electron.ts): the page must get window.truceline and
// nothing else, and no way to reach ipcRenderer or another channel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exposeApi } from '../../../electron/preload/expose-api';
import { IPC_CHANNELS } from '../../../shared/security/ipc-channels';
import { FakeContextBridge, FakeIpcRenderer } from './fake-electron';

/** The channel each call of window.truceline must use, and whether it carries a payload. */
const CALLS = {
  openScenarioFiles: { channel: IPC_CHANNELS.openScenarioFiles, payload: true },
  saveExport: { channel: IPC_CHANNELS.saveExport, payload: true },
  printToPdf: { channel: IPC_CHANNELS.printToPdf, payload: true },
  appInfo: { channel: IPC_CHANNELS.appInfo, payload: false },
} as const;

function expose() {
  const contextBridge = new FakeContextBridge();
  const ipcRenderer = new FakeIpcRenderer();
  exposeApi(contextBridge, ipcRenderer);
  const api = contextBridge.exposed[0]?.api as Record<string, (...args: unknown[]) => unknown>;
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
  it('exposes one object, window.truceline, with the four calls', () => {
    const { contextBridge, api } = expose();
    expect(contextBridge.exposed.map((entry) => entry.key)).toEqual(['truceline']);
    expect(Object.keys(api).sort()).toEqual(Object.keys(CALLS).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
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
          void api[name]!(...args);
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
    await expect(api.appInfo!()).resolves.toEqual({ version: '0.1.0' });
  });
});
