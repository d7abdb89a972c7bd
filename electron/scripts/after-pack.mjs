// electron-builder afterPack hook: flips Electron's fuses in the packaged
// binary, before signing (electron-builder signs after afterPack).
// A packaged release build also turns off --inspect; set
// TRUCELINE_E2E_PACKAGE=1 to keep it for Playwright's _electron.launch, which
// needs it. (Playwright against the unpackaged `electron .` of
// tests/e2e-electron needs nothing: fuses are flipped only here.)
import { join } from 'node:path';
import fuses from '@electron/fuses';

const { flipFuses, FuseV1Options, FuseVersion } = fuses;

/** The fuse settings of a packaged build. */
export function fuseConfig({ release, resetAdHocDarwinSignature = false }) {
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: !release,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Nothing is loaded from file:// (the renderer is served from app://bundle/,
    // the preload is read by path), so file:// pages need no more rights than in
    // a browser: with this on, a file:// page could read any other local file.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Where electron-builder put the Electron executable (same rule as its own fuse support). */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const extension = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[electronPlatformName];
  if (extension === undefined) {
    throw new Error(`after-pack: unknown platform "${electronPlatformName}"`);
  }
  const name =
    electronPlatformName === 'linux' ? packager.executableName : packager.appInfo.productFilename;
  return join(appOutDir, `${name}${extension}`);
}

/** Whether this packaging run is a release (inspect off) or a build for Electron e2e tests. */
export function isReleaseBuild(env = process.env) {
  return env.TRUCELINE_E2E_PACKAGE !== '1';
}

export async function afterPack(context) {
  const release = isReleaseBuild();
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // arm64 macOS refuses to run a binary whose ad-hoc signature no longer matches.
  const arm64 = context.arch === 3 || context.arch === 4; // Arch.arm64, Arch.universal
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfig({ release, resetAdHocDarwinSignature: isMac && arm64 }));
  console.log(
    `after-pack: fuses flipped in ${binary} (${release ? 'release' : 'e2e build, inspect kept'})`,
  );
}

export default afterPack;
