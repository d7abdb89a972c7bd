// The host's page of a room, as the room specs read it: its log head from
// IndexedDB and its Room panel.
import { expect, type Page } from '@playwright/test';
import { storedLog } from './stored-log';

/** The host's log head as stored in IndexedDB (the most recent exercise's). */
export async function hostHead(page: Page): Promise<{ seq: number; hash: string }> {
  const last = (await storedLog(page)).at(-1)!;
  return { seq: last.seq, hash: last.hash };
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
