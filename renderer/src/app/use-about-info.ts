import { useEffect, useState } from 'react';
import { getPlatform } from '../platform';
import { getOrCreateInstallationKey } from '../storage';
import { getAppDatabase } from './app-database';

export interface AboutInfo {
  version: string;
  platformLabel: string;
  storageLocation: string;
  keyId: string;
  /** Base64 of the raw Ed25519 public key (as `signature.public_key`); null until read or if unreadable. */
  publicKey: string | null;
}

const BROWSER_STORAGE =
  "This browser profile's IndexedDB for this address (clearing the site's data deletes it).";

/** Gathers what the About panel shows; fields fill in as their sources answer. */
export function useAboutInfo(): AboutInfo {
  const [info, setInfo] = useState<AboutInfo>(() => ({
    version: __APP_VERSION__,
    platformLabel: 'Browser (offline web build)',
    storageLocation: BROWSER_STORAGE,
    keyId: 'reading…',
    publicKey: null,
  }));
  useEffect(() => {
    let live = true;
    const patch = (p: Partial<AboutInfo>) => {
      if (live) setInfo((previous) => ({ ...previous, ...p }));
    };
    const platform = getPlatform();
    platform.appInfo().then(
      (app) =>
        patch({
          version: app.version,
          platformLabel:
            platform.kind === 'electron'
              ? `Desktop app (${app.platform}, Electron ${app.electronVersion ?? '?'})`
              : 'Browser (offline web build)',
          storageLocation: app.userDataPath
            ? `IndexedDB inside the app profile: ${app.userDataPath}`
            : BROWSER_STORAGE,
        }),
      () => undefined,
    );
    getAppDatabase()
      .then((db) => getOrCreateInstallationKey(db))
      .then(
        (key) => patch({ keyId: key.keyId, publicKey: key.publicKeyBase64 }),
        (error: unknown) =>
          patch({
            keyId: `unavailable: ${error instanceof Error ? error.message : String(error)}`,
          }),
      );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
