import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import fuses from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  afterPack,
  electronBinaryPath,
  isReleaseBuild,
} from '../../../electron/scripts/after-pack.mjs';

const { FuseV1Options, getCurrentFuseWire } = fuses;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

/**
 * A stand-in for the Electron executable: random bytes around a fuse wire laid
 * out as in Electron 45 (sentinel, version 1, 8 fuses with Electron's defaults).
 */
function fakeElectronBinary(): Buffer {
  const defaults = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];
  return Buffer.concat([
    Buffer.alloc(4096, 7),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, defaults.length, ...defaults]),
    Buffer.alloc(4096, 9),
  ]);
}

let dir: string;
const savedEnv = process.env.TRUCELINE_E2E_PACKAGE;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'truceline-fuses-'));
});
afterEach(async () => {
  if (savedEnv === undefined) delete process.env.TRUCELINE_E2E_PACKAGE;
  else process.env.TRUCELINE_E2E_PACKAGE = savedEnv;
  await rm(dir, { recursive: true, force: true });
});

const linuxContext = () => ({
  appOutDir: dir,
  electronPlatformName: 'linux',
  arch: 1,
  packager: { executableName: 'truceline', appInfo: { productFilename: 'Truceline' } },
});

describe('after-pack hook', () => {
  it('flips the fuses of a release build in the packaged executable', async () => {
    delete process.env.TRUCELINE_E2E_PACKAGE;
    await writeFile(join(dir, 'truceline'), fakeElectronBinary());
    await afterPack(linuxContext());
    const wire = await getCurrentFuseWire(join(dir, 'truceline'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    // Nothing is served from file://: it gets no more rights than in a browser.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
    // The fuse we do not set keeps Electron's default.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(DISABLE);
    // Only the wire changed.
    const before = fakeElectronBinary();
    const after = await readFile(join(dir, 'truceline'));
    const changed = [...after].flatMap((byte, i) => (byte !== before[i] ? [i] : []));
    const wireStart = 4096 + SENTINEL.length + 2;
    expect(changed.every((i) => i >= wireStart && i < wireStart + 8)).toBe(true);
  });

  it('keeps --inspect for an e2e build (Playwright needs it), everything else locked', async () => {
    process.env.TRUCELINE_E2E_PACKAGE = '1';
    await writeFile(join(dir, 'truceline'), fakeElectronBinary());
    await afterPack(linuxContext());
    const wire = await getCurrentFuseWire(join(dir, 'truceline'));
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(ENABLE);
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
  });

  it('fails loudly when the executable is not an Electron binary', async () => {
    await writeFile(join(dir, 'truceline'), Buffer.alloc(1024));
    await expect(afterPack(linuxContext())).rejects.toThrow(/Could not find sentinel/);
  });

  it('finds the executable on each platform', () => {
    const packager = { executableName: 'truceline', appInfo: { productFilename: 'Truceline' } };
    const at = (electronPlatformName: string) =>
      electronBinaryPath({ appOutDir: '/o', electronPlatformName, arch: 1, packager });
    expect(at('linux')).toBe(join('/o', 'truceline'));
    expect(at('win32')).toBe(join('/o', 'Truceline.exe'));
    expect(at('darwin')).toBe(join('/o', 'Truceline.app'));
    expect(() => at('beos')).toThrow(/unknown platform "beos"/);
  });

  it('is a release build unless TRUCELINE_E2E_PACKAGE=1', () => {
    expect(isReleaseBuild({})).toBe(true);
    expect(isReleaseBuild({ TRUCELINE_E2E_PACKAGE: '0' })).toBe(true);
    expect(isReleaseBuild({ TRUCELINE_E2E_PACKAGE: '1' })).toBe(false);
  });
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema and says what the product needs", async () => {
    const root = resolve(import.meta.dirname, '../../..');
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.appId).toBe('org.truceline.console');
    expect(config.productName).toBe('Truceline');
    expect(config.asar).toBe(true);
    const files = [config.files]
      .flat(3)
      .flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry?.filter ?? [])));
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!node_modules/**']));
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(typeof config.afterPack).toBe('string');
    expect(existsSync(join(root, config.afterPack as string))).toBe(true);
  });
});
