// Loads whatever a user names on the command line: a scenario folder, a
// single `*.scenario.json`, or one feed file checked on its own.
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Diagnostic } from '../../scenario/loaded-scenario';
import {
  loadFeed,
  loadScenario,
  type FeedOutcome,
  type LoadOptions,
  type LoadOutcome,
} from '../../scenario/load-scenario';
import { createFsReader } from './fs-reader';
import { nodeSha256 } from './node-sha256';

/** What was loaded: a whole scenario or a lone feed. */
export type PathOutcome =
  | ({ kind: 'scenario'; path: string } & LoadOutcome)
  | ({ kind: 'feed'; path: string } & FeedOutcome);

function failure(path: string, message: string): PathOutcome {
  const errors: Diagnostic[] = [{ file: path, message }];
  return { kind: 'scenario', path, ok: false, errors, warnings: [] };
}

/**
 * Loads a scenario folder, a `*.scenario.json` or a single feed file.
 * Diagnostics name files relative to the folder (or the file's folder).
 */
export async function loadScenarioFromPath(
  path: string,
  options: LoadOptions = {},
): Promise<PathOutcome> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failure(path, code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${code})`);
  }
  const withHash: LoadOptions = { createHash: nodeSha256, ...options };
  if (info.isDirectory()) {
    const reader = await createFsReader(path);
    return { kind: 'scenario', path, ...(await loadScenario(reader, withHash)) };
  }
  const reader = await createFsReader(dirname(path));
  const name = basename(path);
  if (name.endsWith('.scenario.json') || name === 'scenario.json') {
    return {
      kind: 'scenario',
      path,
      ...(await loadScenario(reader, { ...withHash, manifestPath: name })),
    };
  }
  return { kind: 'feed', path, ...(await loadFeed(reader, name, withHash)) };
}
