// The storage harness page (tests/e2e/storage-harness.ts), bundled with
// esbuild and served through Playwright routing on the app's origin with the
// app's CSP, so nothing is added to the product build. Used by the storage
// e2e spec and by the browser bench's append-throughput figure.
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';
import type { StorageHarness } from '../storage-harness';

const HARNESS_PATH = '/__storage-harness/';
let harnessJs = '';

/** Bundles the harness once per worker; call from `test.beforeAll`. */
export async function buildHarness(): Promise<void> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, '..', 'storage-harness.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome130',
    write: false,
    logLevel: 'error',
  });
  harnessJs = result.outputFiles[0]!.text;
}

export async function serveHarness(context: BrowserContext): Promise<void> {
  await context.route(`**${HARNESS_PATH}**`, async (route) => {
    const isScript = new URL(route.request().url()).pathname.endsWith('.js');
    await route.fulfill({
      status: 200,
      contentType: isScript ? 'text/javascript' : 'text/html',
      headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      body: isScript
        ? harnessJs
        : '<!doctype html><html><head><title>storage harness (EXERCISE, test only)</title></head><body><script type="module" src="./harness.js"></script></body></html>',
    });
  });
}

export async function openHarness(page: Page): Promise<void> {
  await page.goto(`${HARNESS_PATH}index.html`);
  await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
}

type Fn = (...args: never[]) => unknown;
/** Calls a harness function in the page. */
export async function call<K extends keyof StorageHarness>(
  page: Page,
  name: K,
  ...args: Parameters<StorageHarness[K]>
): Promise<Awaited<ReturnType<StorageHarness[K]>>> {
  return page.evaluate(
    ({ name, args }) => {
      const h = (globalThis as unknown as { storageHarness: Record<string, Fn> }).storageHarness;
      return (h[name] as (...a: unknown[]) => unknown)(...args);
    },
    { name: name as string, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<StorageHarness[K]>>>;
}
