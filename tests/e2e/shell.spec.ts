import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const SCREENS = ['Library', 'Console', 'Log', 'Audit', 'Report'] as const;
const SHOTS = 'out/screenshots';

async function expectMarkedExercise(page: Page) {
  await expect(page.getByTestId('classification-top')).toContainText('EXERCISE');
  await expect(page.getByTestId('classification-bottom')).toContainText('EXERCISE');
  await expect(page.getByTestId('classification-top')).toBeInViewport();
  await expect(page.getByTestId('classification-bottom')).toBeInViewport();
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('every screen is reachable from the navigation and carries both EXERCISE markings', async ({
  page,
}) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Screens' });
  for (const name of SCREENS) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/${name.toLowerCase()}$`));
    await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expectMarkedExercise(page);
    await page.screenshot({ path: `${SHOTS}/shell-${name.toLowerCase()}.png` });
  }
  // The hash is the route: a reload stays on the screen, and back goes back.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
});

test('About shows the version, the offline guarantee, where data is kept, the key id and the public key', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'About' }).click();
  const about = page.getByRole('dialog', { name: 'About Truceline' });
  await expect(about).toBeVisible();
  await expect(about.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(about.getByTestId('about-offline')).toHaveText(
    'Truceline makes no network connections; everything stays on this computer.',
  );
  await expect(about).toContainText('IndexedDB');
  await expect(about.getByTestId('about-key-id')).toHaveText(/^[0-9a-f]{16}$/);
  // The public key itself (base64 of 32 raw bytes), which Audit and `truceline verify` accept.
  await expect(about.getByTestId('about-public-key')).toHaveText(/^[A-Za-z0-9+/]{43}=$/);
  await expect(about.getByRole('button', { name: 'Copy public key' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/shell-about.png` });
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});

test('the keyboard reaches the navigation and the focus ring is visible', async ({ page }) => {
  await page.goto('/#/library');
  // Tab until a navigation link has focus; it must be reachable within a few stops.
  const focusedInNav = page.getByRole('navigation', { name: 'Screens' }).locator(':focus');
  for (let i = 0; i < 6 && (await focusedInNav.count()) === 0; i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(focusedInNav).toHaveText('Library');
  await expect(focusedInNav).toHaveCSS('outline-style', 'solid');
  await expect(focusedInNav).toHaveCSS('outline-width', '3px');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/log$/);
  await page.screenshot({ path: `${SHOTS}/shell-focus.png` });
  // Alt+digit reaches every screen from anywhere.
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
});
