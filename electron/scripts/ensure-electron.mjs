#!/usr/bin/env node
// electron-vite reads node_modules/electron/path.txt (or ELECTRON_EXEC_PATH) and fails with
// "Electron uninstall" when the binary has not been fetched yet. Electron's own idempotent
// `install-electron` fetches it once; this runs it before start/dev/dist, after checking Node,
// and says in plain words what to do when it cannot (no stack trace).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decideElectronStart, installFailureMessage } from './electron-start-check.mjs';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

const decision = decideElectronStart({
  nodeVersion: process.version,
  env: process.env,
  installed: existsSync(join(electronDir, 'path.txt')),
  execPathExists: Boolean(
    process.env.ELECTRON_EXEC_PATH && existsSync(process.env.ELECTRON_EXEC_PATH),
  ),
});
if (decision.kind === 'refuse') {
  process.stderr.write(`${decision.message}\n`);
  process.exit(1);
}
if (decision.kind === 'install') {
  process.stdout.write(
    `Fetching the Electron ${electronVersion} binary once (install-electron)…\n`,
  );
  // Its output is kept, not shown: on failure it is a stack trace; its first line goes in the message.
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(
      `${installFailureMessage({
        output: `${result.stderr ?? ''}\n${result.stdout ?? ''}${result.error ? `\n${result.error.message}` : ''}`,
        electronVersion,
        platform: process.env.ELECTRON_INSTALL_PLATFORM ?? process.platform,
        arch: process.env.ELECTRON_INSTALL_ARCH ?? process.arch,
      })}\n`,
    );
    process.exit(1);
  }
}
