#!/usr/bin/env node
// electron-vite reads node_modules/electron/path.txt and fails with
// "Electron uninstall" when the binary has not been fetched yet. Electron's own
// idempotent `install-electron` fetches it once; run it before start/dev/dist.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
if (!existsSync(join(electronDir, 'path.txt'))) {
  process.stdout.write('Fetching the Electron binary once (install-electron)…\n');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write(
      'Could not fetch the Electron binary (no network?). The browser mode works without it: npm run build:web && npm run web\n',
    );
    process.exit(result.status ?? 1);
  }
}
