// What `npm start` (and dev, dist) does before electron-vite: the decisions, pure, so they are
// tested without Electron (its binary cannot be fetched on every machine). ensure-electron.mjs
// only gathers the facts, acts, and prints.

/** Electron 45's own `engines.node`: the desktop app needs it; the CLI and tests need less. */
export const DESKTOP_NODE = '22.12.0';

const BROWSER_MODE =
  'The browser mode needs no Electron: npm run web (then open http://127.0.0.1:4317).';

/** True when version ("v20.20.2" or "20.20.2") is older than minimum ("22.12.0"). */
export function isOlderThan(version, minimum) {
  const parse = (v) =>
    v
      .replace(/^v/, '')
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const a = parse(version);
  const b = parse(minimum);
  for (let i = 0; i < 3; i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

/**
 * Whether the desktop app can start: 'ready' (a binary is there), 'install' (fetch it once with
 * Electron's install-electron), or 'refuse' with the message to print instead of a stack trace.
 * facts: nodeVersion; env; installed (node_modules/electron/path.txt exists); execPathExists
 * (the file ELECTRON_EXEC_PATH names exists).
 */
export function decideElectronStart({ nodeVersion, env, installed, execPathExists }) {
  if (isOlderThan(nodeVersion, DESKTOP_NODE)) {
    return {
      kind: 'refuse',
      message: `The desktop app needs Node ${DESKTOP_NODE.replace(/\.0$/, '')} or later (this is Node ${nodeVersion.replace(/^v/, '')}). ${BROWSER_MODE}`,
    };
  }
  if (env.ELECTRON_EXEC_PATH) {
    if (execPathExists) return { kind: 'ready' };
    return {
      kind: 'refuse',
      message: `ELECTRON_EXEC_PATH names ${env.ELECTRON_EXEC_PATH}, which does not exist. ${BROWSER_MODE}`,
    };
  }
  if (installed) return { kind: 'ready' };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    // electron-vite starts the binary named by ELECTRON_EXEC_PATH or by path.txt, never by
    // ELECTRON_OVERRIDE_DIST_PATH (which only `require('electron')` reads).
    return {
      kind: 'refuse',
      message: `ELECTRON_OVERRIDE_DIST_PATH is set, but electron-vite does not read it: set ELECTRON_EXEC_PATH to the Electron executable inside ${env.ELECTRON_OVERRIDE_DIST_PATH} as well. ${BROWSER_MODE}`,
    };
  }
  return { kind: 'install' };
}

/** The error's own first line from install-electron's output, without its stack. */
export function firstErrorLine(output) {
  const line = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at '));
  return line ?? 'no reason given';
}

/** What to print when install-electron failed: why, the browser mode, and how to supply Electron offline. */
export function installFailureMessage({ output, electronVersion, platform, arch }) {
  const zip = `electron-v${electronVersion}-${platform}-${arch}.zip`;
  return [
    `Could not fetch the Electron ${electronVersion} binary (${firstErrorLine(output)}).`,
    BROWSER_MODE,
    'To supply Electron without network, then run npm start again, any one of:',
    `  - ELECTRON_MIRROR=http://host/ serving v${electronVersion}/${zip} (a local mirror);`,
    "  - electron_config_cache=<dir>: a copy of Electron's download cache from a machine where `npx install-electron --no` ran;",
    `  - ELECTRON_EXEC_PATH=<path to an unpacked Electron ${electronVersion} executable>.`,
  ].join('\n');
}
