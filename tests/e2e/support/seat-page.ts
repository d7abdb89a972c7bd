// A seat's page in the room specs: joining from the seats' page and its status bar.
import { expect, type Page } from '@playwright/test';
import type { SeatAssignment } from '../../../shared/room/seat-roles';

/** A seat's status bar (its connection state in data-state). */
export const seatStatus = (page: Page) => page.getByTestId('seat-status');

/** Opens the seats' page with the code, asks for a role by name, and waits for the host's decision. */
export async function joinAs(
  page: Page,
  origin: string,
  code: string,
  name: string,
  request: SeatAssignment,
) {
  await page.goto(`${origin}/#/join?code=${encodeURIComponent(code)}`);
  await expect(page.getByLabel('Join code')).toHaveValue(code);
  await page.getByLabel('Your name').fill(name);
  if (request.role === 'party') {
    await page.getByLabel('Party liaison').check();
    await page.getByLabel(/Parties you play/).fill(request.parties.join(', '));
  } else {
    await page.getByRole('radio', { name: new RegExp(`^${request.role}`, 'i') }).check();
  }
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(seatStatus(page)).toHaveAttribute('data-state', 'pending');
}
