// Storage in real Chromium (docs/AUDIT-LOG.md "Durability"): entries survive a
// reload and a browser restart, the log's transactions are strict, a full
// quota is reported plainly without losing what was logged, and a second tab
// waits for the first writer's Web Lock instead of forking the chain.
// The page is a test-only harness (tests/e2e/storage-harness.ts) bundled here
// with esbuild and served through Playwright routing on the app's origin,
// with the app's CSP: nothing is added to the product build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { buildHarness, call, openHarness, serveHarness } from './support/storage-harness-page';

test.beforeAll(buildHarness);

const texts = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `entry ${from + i}`);

test.describe('storage in Chromium', () => {
  test.beforeEach(async ({ context }) => {
    await serveHarness(context);
  });

  test('committed entries survive a reload; log transactions are strict; the key persists', async ({
    page,
  }) => {
    await openHarness(page);
    expect(await call(page, 'logDurability')).toBe('strict');
    expect(await call(page, 'open', 'reload')).toBe('open');
    expect(await call(page, 'append', 'reload', texts(1, 20))).toEqual({
      ok: true,
      seqs: texts(1, 20).map((_, i) => i + 1),
    });
    for (let i = 21; i <= 30; i++) await call(page, 'append', 'reload', [`entry ${i}`]);
    const before = await call(page, 'exportAndVerify', 'reload');
    expect(before.line).toMatch(
      new RegExp(`^OK 30 entries, head [0-9a-f]{64}, key ${before.keyId}$`),
    );

    await page.reload();
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
    const stored = await call(page, 'stored', 'reload');
    expect(stored.seqs).toEqual(texts(1, 30).map((_, i) => i + 1));
    expect(await call(page, 'exportAndVerify', 'reload')).toEqual(before);
    expect(await call(page, 'privateKeyExtractable')).toBe(false);
    expect(['granted', 'denied']).toContain(await call(page, 'persist'));
  });

  test('a second tab waits on the Web Lock and continues the chain: no fork', async ({
    context,
  }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await openHarness(a);
    await openHarness(b);
    expect(await call(a, 'open', 'two-tabs')).toBe('open');
    await call(a, 'append', 'two-tabs', texts(1, 5));

    expect(await call(b, 'open', 'two-tabs', true)).toBe('locked');
    await call(b, 'startOpen', 'two-tabs', false);
    await b.waitForTimeout(300);
    expect(await call(b, 'openState', 'two-tabs')).toBe('waiting');
    await call(a, 'append', 'two-tabs', texts(6, 10));
    expect(await call(b, 'openState', 'two-tabs')).toBe('waiting');

    await call(a, 'close', 'two-tabs');
    await expect.poll(() => call(b, 'openState', 'two-tabs')).toBe('open');
    expect(await call(b, 'head', 'two-tabs')).toBe(10);
    expect(await call(b, 'append', 'two-tabs', texts(11, 15))).toEqual({
      ok: true,
      seqs: [11, 12, 13, 14, 15],
    });

    // Closing a tab without closing its writer also frees the lock.
    await call(a, 'startOpen', 'two-tabs', false);
    await b.close();
    await expect.poll(() => call(a, 'openState', 'two-tabs')).toBe('open');
    await call(a, 'append', 'two-tabs', ['entry 16']);
    const stored = await call(a, 'stored', 'two-tabs');
    expect(stored.seqs).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(stored.texts).toEqual(texts(1, 16));
    expect((await call(a, 'exportAndVerify', 'two-tabs')).line).toMatch(/^OK 16 entries/);
  });

  test('a full quota stops the log with a plain message; nothing logged is lost', async () => {
    // A persistent profile, as the app has.
    const profile = mkdtempSync(join(tmpdir(), 'truceline-e2e-quota-'));
    const use = test.info().project.use;
    const context = await chromium.launchPersistentContext(profile, {
      ...use.launchOptions,
      baseURL: use.baseURL,
    });
    try {
      await serveHarness(context);
      const page = await context.newPage();
      // A real quota, enforced by Chromium's quota manager for this origin (DevTools
      // protocol). Set before the database opens: IndexedDB caches the space it may use.
      const cdp = await context.newCDPSession(page);
      const origin = new URL(use.baseURL!).origin;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 3_000_000 });
      await openHarness(page);
      expect(await call(page, 'open', 'quota')).toBe('open');
      await call(page, 'append', 'quota', texts(1, 10));
      // (navigator.storage.estimate() does not reflect the override; the writes do.)
      const filled = await call(page, 'fillUntilFailure', 'quota', 100_000, 200);
      expect(filled.failure).not.toBeNull();
      expect(filled.failure).toMatchObject({ kind: 'quota' });
      expect(filled.failure!.message).toMatch(/storage .* is full.*nothing already logged is lost/);
      expect(filled.failure!.wayOut).toMatch(/Export the log now/);
      expect(filled.appended).toBeGreaterThan(3);
      expect(filled.head).toBe(10 + filled.appended);
      const stored = await call(page, 'stored', 'quota');
      expect(stored.seqs).toEqual(Array.from({ length: 10 + filled.appended }, (_, i) => i + 1));
      // Exporting still works (reading needs no quota), and the export verifies.
      expect((await call(page, 'exportAndVerify', 'quota')).line).toMatch(
        new RegExp(`^OK ${10 + filled.appended} entries`),
      );
      // Once space is freed, appending resumes from the committed head.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      expect(await call(page, 'append', 'quota', ['after space was freed'])).toEqual({
        ok: true,
        seqs: [11 + filled.appended],
      });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('entries survive closing and relaunching the browser (persistent profile)', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'truceline-e2e-profile-'));
    const use = test.info().project.use;
    const launch = () =>
      chromium.launchPersistentContext(profile, {
        ...use.launchOptions,
        baseURL: use.baseURL,
      });
    try {
      let context = await launch();
      await serveHarness(context);
      let page = await context.newPage();
      await openHarness(page);
      await call(page, 'open', 'restart');
      await call(page, 'append', 'restart', texts(1, 25));
      await context.close();

      context = await launch();
      await serveHarness(context);
      page = await context.newPage();
      await openHarness(page);
      const stored = await call(page, 'stored', 'restart');
      expect(stored.seqs).toHaveLength(25);
      expect((await call(page, 'exportAndVerify', 'restart')).line).toMatch(/^OK 25 entries/);
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
