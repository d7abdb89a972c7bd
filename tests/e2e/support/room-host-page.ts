// The host's page of a room, as the room specs read it: its log head from
// IndexedDB and its Room panel.
import { expect, type Page } from '@playwright/test';

/** The host's log head as stored in IndexedDB (the most recent exercise's). */
export function hostHead(page: Page): Promise<{ seq: number; hash: string }> {
  return page.evaluate(
    () =>
      new Promise<{ seq: number; hash: string }>((resolve, reject) => {
        const open = indexedDB.open('truceline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('log', 'readonly').objectStore('log').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            const rows = all.result as { exercise_id: string; seq: number; hash: string }[];
            const id = rows.at(-1)?.exercise_id;
            open.result.close();
            const mine = rows.filter((r) => r.exercise_id === id).sort((a, b) => a.seq - b.seq);
            const last = mine.at(-1)!;
            resolve({ seq: last.seq, hash: last.hash });
          };
        };
      }),
  );
}

export async function openRoomTab(page: Page) {
  await page
    .getByRole('tablist', { name: 'Centre view' })
    .getByRole('tab', { name: 'Room' })
    .click();
  const panel = page.getByTestId('room-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('EXERCISE');
  return panel;
}
