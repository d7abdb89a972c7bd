// `npm start` before electron-vite: Node old enough, binary there or fetched, and one plain
// message (never a stack trace) naming the browser mode and the offline ways to supply Electron.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  decideElectronStart,
  firstErrorLine,
  installFailureMessage,
  isOlderThan,
} from '../../../electron/scripts/electron-start-check.mjs';

const facts = { nodeVersion: 'v22.12.0', env: {}, installed: false, execPathExists: false };

describe('decideElectronStart', () => {
  it('refuses an older Node in one line that names the version needed and the browser mode', () => {
    const decision = decideElectronStart({ ...facts, nodeVersion: 'v20.20.2', installed: true });
    expect(decision).toEqual({
      kind: 'refuse',
      message:
        'The desktop app needs Node 22.12 or later (this is Node 20.20.2). The browser mode needs no Electron: npm run web (then open http://127.0.0.1:4317).',
    });
    expect(decideElectronStart({ ...facts, nodeVersion: 'v22.11.9' }).kind).toBe('refuse');
  });

  it('starts with an installed binary, and fetches it once otherwise', () => {
    expect(decideElectronStart({ ...facts, installed: true })).toEqual({ kind: 'ready' });
    expect(decideElectronStart({ ...facts, nodeVersion: 'v24.1.0' })).toEqual({ kind: 'install' });
  });

  it('uses ELECTRON_EXEC_PATH when it names a file, and says so when it does not', () => {
    const env = { ELECTRON_EXEC_PATH: '/opt/electron/electron' };
    expect(decideElectronStart({ ...facts, env, execPathExists: true })).toEqual({ kind: 'ready' });
    const missing = decideElectronStart({ ...facts, env, installed: true });
    expect(missing.kind).toBe('refuse');
    expect(missing.kind === 'refuse' && missing.message).toContain(
      'ELECTRON_EXEC_PATH names /opt/electron/electron, which does not exist',
    );
  });

  it('explains that electron-vite reads ELECTRON_EXEC_PATH, not ELECTRON_OVERRIDE_DIST_PATH', () => {
    const decision = decideElectronStart({
      ...facts,
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
    });
    expect(decision.kind === 'refuse' && decision.message).toContain(
      'set ELECTRON_EXEC_PATH to the Electron executable inside /opt/electron',
    );
  });
});

describe('the message when install-electron fails', () => {
  // What install-electron printed on a machine without network (Electron 45.5.0, Node 20).
  const output = [
    'TypeError: fetch failed',
    '    at node:internal/deps/undici/undici:14976:13',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    '    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
    '',
  ].join('\n');

  it('keeps the error line and drops the stack', () => {
    expect(firstErrorLine(output)).toBe('TypeError: fetch failed');
    expect(firstErrorLine('\n\n')).toBe('no reason given');
    const message = installFailureMessage({
      output,
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
    });
    expect(message).not.toMatch(/^\s+at /m);
    expect(message.split('\n')[0]).toBe(
      'Could not fetch the Electron 45.5.0 binary (TypeError: fetch failed).',
    );
    expect(message).toContain('npm run web');
    expect(message).toContain(
      'ELECTRON_MIRROR=http://host/ serving v45.5.0/electron-v45.5.0-linux-x64.zip',
    );
    expect(message).toContain('electron_config_cache=');
    expect(message).toContain('ELECTRON_EXEC_PATH=');
  });
});

it('compares versions part by part', () => {
  expect(isOlderThan('v20.19.0', '22.12.0')).toBe(true);
  expect(isOlderThan('v22.12.0', '22.12.0')).toBe(false);
  expect(isOlderThan('22.9.0', '22.12.0')).toBe(true);
  expect(isOlderThan('v23.0.0', '22.12.0')).toBe(false);
});

// The script itself on this Node: one message on stderr, no stack trace, and Electron never
// launched or fetched (an older Node is refused before anything else; a newer one with
// ELECTRON_EXEC_PATH naming no file is refused before any fetch).
it('ensure-electron prints one plain message and exits 1 when it cannot start', () => {
  const run = spawnSync(process.execPath, ['electron/scripts/ensure-electron.mjs'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_EXEC_PATH: '/nonexistent/electron' },
  });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/needs Node 22\.12 or later|ELECTRON_EXEC_PATH names/);
  expect(run.stderr).not.toMatch(/^\s+at /m);
});
