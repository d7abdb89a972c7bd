// Append throughput of the audit log in real Chromium IndexedDB (strict
// durability), one entry a transaction and in batches of 100: a figure for
// `npm run bench`, printed and not asserted.
import { test } from '@playwright/test';
import { buildHarness, call, openHarness, serveHarness } from '../e2e/support/storage-harness-page';

test.beforeAll(buildHarness);
test.beforeEach(async ({ context }) => {
  await serveHarness(context);
});

test('append throughput in Chromium', async ({ page }) => {
  await openHarness(page);
  const oneByOne = await call(page, 'throughput', 'speed-1', 300, 1);
  const batched = await call(page, 'throughput', 'speed-100', 3000, 100);
  const line = `Chromium DexieAuditLog append (strict durability): one by one ${Math.round(oneByOne)}/s, batches of 100 ${Math.round(batched)}/s`;
  console.log(line);
  test.info().annotations.push({ type: 'throughput', description: line });
});
