import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

let current: Platform | null = null;

/** The Electron platform when the preload exposed window.truceline, else the browser one. */
export function getPlatform(): Platform {
  current ??= window.truceline ? createElectronPlatform(window.truceline) : createBrowserPlatform();
  return current;
}
