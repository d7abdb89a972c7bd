// The app's stored log as the specs read it, straight from IndexedDB in the page.
import type { Page } from '@playwright/test';

/** A stored log entry, as far as the specs read one. */
export interface StoredEntry {
  exercise_id: string;
  seq: number;
  hash: string;
  kind: string;
  role: string;
  exercise_time: string | null;
  data: { action?: string };
}

/** Every stored log entry of the most recent exercise, in seq order. */
export function storedLog(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEntry[]>((resolve, reject) => {
        const open = indexedDB.open('truceline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('log', 'readonly').objectStore('log').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            const rows = all.result as StoredEntry[];
            const id = rows.at(-1)?.exercise_id;
            open.result.close();
            resolve(rows.filter((r) => r.exercise_id === id).sort((a, b) => a.seq - b.seq));
          };
        };
      }),
  );
}
