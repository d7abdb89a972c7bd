// Electron smoke test, run only with TRUCELINE_ELECTRON_E2E=1: it needs the
// Electron binary, which cannot be downloaded on the development and CI
// machines of this project. Build first: npm run build.
import { resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import type { TrucelineApi } from '../../shared/security/preload-api';
import pkg from '../../package.json' with { type: 'json' };

const enabled = process.env.TRUCELINE_ELECTRON_E2E === '1';
const reason =
  'Electron e2e skipped: set TRUCELINE_ELECTRON_E2E=1 on a machine with the Electron binary (after npm run build)';
if (!enabled) console.log(reason);
test.skip(!enabled, reason);

const root = resolve(import.meta.dirname, '../..');
type PageGlobals = {
  truceline?: TrucelineApi;
  require?: unknown;
  process?: unknown;
  location: { href: string };
};

// Undefined when the launch in beforeAll failed (afterAll still runs).
let app: ElectronApplication | undefined;
test.beforeAll(async () => {
  // No dev server, no run-as-node: the app as a user starts it.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined &&
        !['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE'].includes(entry[0]),
    ),
  );
  app = await electron.launch({ args: [root], cwd: root, env });
});
test.afterAll(async () => {
  await app?.close();
});

test('the window opens on app://, shows EXERCISE, requests nothing outside app:// and logs no error', async () => {
  const window = await app!.firstWindow();
  const outside: string[] = [];
  const consoleErrors: string[] = [];
  window.on('request', (request) => {
    const url = request.url();
    if (!/^(app:\/\/bundle\/|data:|blob:app:\/\/bundle\/)/.test(url)) outside.push(url);
  });
  window.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  window.on('pageerror', (error) => consoleErrors.push(error.message));
  // Listeners are attached now; load again so every request of the page is seen.
  await window.reload();

  await expect(window.getByRole('banner').first()).toContainText('EXERCISE');
  expect(window.url()).toMatch(/^app:\/\/bundle\//);
  await window.waitForLoadState('networkidle');
  expect(outside).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the renderer is sandboxed and sees only window.truceline', async () => {
  const window = await app!.firstWindow();
  const exposed = await window.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    return {
      api: Object.keys(page.truceline ?? {}).sort(),
      require: typeof page.require,
      process: typeof page.process,
    };
  });
  expect(exposed).toEqual({
    api: ['appInfo', 'openScenarioFiles', 'printToPdf', 'room', 'saveExport'],
    require: 'undefined',
    process: 'undefined',
  });
});

test('IPC answers app info and rejects a payload of the wrong shape', async () => {
  const window = await app!.firstWindow();
  const info = await window.evaluate(() =>
    (globalThis as unknown as PageGlobals).truceline!.appInfo(),
  );
  expect(info.version).toBe(pkg.version);
  expect(info.versions.electron).not.toBe('');
  const refusal = await window.evaluate(() =>
    (globalThis as unknown as PageGlobals)
      .truceline!.saveExport({ suggestedName: '../../.bashrc', content: 'x', kind: 'text' })
      .then(
        () => 'saved',
        (error: Error) => error.message,
      ),
  );
  expect(refusal).toMatch(/truceline:save-export: invalid payload: suggestedName/);
});

test('navigation away from the app is blocked', async () => {
  const window = await app!.firstWindow();
  await window.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.org/';
  });
  await window.waitForTimeout(500);
  expect(window.url()).toMatch(/^app:\/\/bundle\//);
});
