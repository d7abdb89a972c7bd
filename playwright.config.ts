import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it exists (CI and the dev machines cannot download
// Playwright's own build); TRUCELINE_CHROMIUM overrides; elsewhere Playwright's.
const chromiumPath =
  process.env.TRUCELINE_CHROMIUM ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
export const WEB_PORT = Number(process.env.TRUCELINE_WEB_PORT ?? 4317);

export default defineConfig({
  testDir: 'tests',
  // `e2e` holds assertions only and is what `npm test` runs; `bench-browser`
  // holds the browser figures that `npm run bench` prints (tests/bench/browser.bench.ts).
  projects: [
    { name: 'e2e', testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts'] },
    { name: 'bench-browser', testMatch: ['bench-browser/**/*.spec.ts'] },
  ],
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'out/test-results/e2e.json' }]],
  outputDir: 'out/test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    viewport: { width: 1600, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // TRUCELINE_WEB_DIR serves a private build (so a rebuild of out/renderer by someone else cannot change what a run tests).
    command: `node shared/node/run-ts.mjs shared/node/web/serve.ts --port ${WEB_PORT} --dir ${process.env.TRUCELINE_WEB_DIR ?? 'out/renderer'}`,
    url: `http://127.0.0.1:${WEB_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
