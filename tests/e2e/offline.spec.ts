import { expect, test } from '@playwright/test';

test('the app shell loads offline: no request leaves 127.0.0.1 and no console error', async ({
  page,
}) => {
  const outside: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      !['127.0.0.1', ''].includes(url.hostname) &&
      !url.protocol.startsWith('data') &&
      !url.protocol.startsWith('blob')
    ) {
      outside.push(request.url());
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await page.goto('/');
  await expect(page.getByRole('banner').first()).toContainText('EXERCISE');
  await page.waitForLoadState('networkidle');

  expect(outside).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
