// One open database for the whole renderer (Dexie allows several, but one
// connection keeps upgrades and version-change events simple).
import { openTrucelineDatabase, type TrucelineDatabase } from '../storage';

let opening: Promise<TrucelineDatabase> | null = null;

/** The app's IndexedDB database, opened on first use. */
export function getAppDatabase(): Promise<TrucelineDatabase> {
  opening ??= openTrucelineDatabase().catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}
