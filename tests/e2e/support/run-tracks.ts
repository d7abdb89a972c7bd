// The version-2 walkthrough's tracks as the specs work them: a track by id,
// and an action taken by its button with its inputs filled by label.
import { expect, type Locator } from '@playwright/test';

/** One track of the version-2 walkthrough in the alert detail. */
export function track(detail: Locator, id: string): Locator {
  return detail.locator(`section.run-track[data-track="${id}"]`);
}

/** Takes an operator action of one track by its button, filling the inputs given by label. */
export async function act(
  detail: Locator,
  trackId: string,
  label: string,
  inputs: Record<string, string> = {},
  selects: Record<string, string> = {},
) {
  const form = track(detail, trackId)
    .locator('form')
    .filter({ has: detail.page().getByRole('button', { name: label, exact: true }) });
  await expect(form, `track ${trackId} offers "${label}"`).toHaveCount(1);
  for (const [field, text] of Object.entries(inputs)) {
    await form.getByLabel(`${field} (required)`).fill(text);
  }
  for (const [field, value] of Object.entries(selects)) {
    await form.getByLabel(`${field} (required)`).selectOption(value);
  }
  const stepBefore = await track(detail, trackId).getAttribute('data-step-id');
  await form.getByRole('button', { name: label, exact: true }).click();
  await expect(detail.getByRole('alert').filter({ hasText: 'Not recorded' })).toHaveCount(0);
  // Moved on (another step) or finished ("done"): the step is no longer the open one.
  await expect(
    detail.locator(
      `section.run-track[data-track="${trackId}"][data-step-id="${stepBefore}"][data-open="true"]`,
    ),
  ).toHaveCount(0);
}
