// Loads whatever a user names on the command line: a scenario folder, a
// single `*.scenario.json`, or one feed file checked on its own.
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Diagnostic } from '../../scenario/loaded-scenario';
import {
  checkScenario,
  loadFeed,
  loadScenario,
  type CheckOutcome,
  type FeedOutcome,
  type LoadOptions,
  type LoadOutcome,
} from '../../scenario/load-scenario';
import type { PackageReader } from '../../scenario/package-reader';
import { createFsReader } from './fs-reader';
import { nodeSha256 } from './node-sha256';

/** What was loaded: a whole scenario or a lone feed. */
export type PathOutcome =
  | ({ kind: 'scenario'; path: string } & LoadOutcome)
  | ({ kind: 'feed'; path: string } & FeedOutcome);

/** What was checked: a whole scenario (without its events kept) or a lone feed. */
export type PathCheckOutcome =
  | ({ kind: 'scenario'; path: string } & CheckOutcome)
  | ({ kind: 'feed'; path: string } & FeedOutcome);

type Target =
  | { kind: 'scenario'; reader: PackageReader; manifestPath?: string }
  | { kind: 'feed'; reader: PackageReader; name: string }
  | { kind: 'missing'; errors: Diagnostic[] };

async function targetOf(path: string): Promise<Target> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${code})`;
    return { kind: 'missing', errors: [{ file: path, message }] };
  }
  if (info.isDirectory()) return { kind: 'scenario', reader: await createFsReader(path) };
  const reader = await createFsReader(dirname(path));
  const name = basename(path);
  if (name.endsWith('.scenario.json') || name === 'scenario.json') {
    return { kind: 'scenario', reader, manifestPath: name };
  }
  return { kind: 'feed', reader, name };
}

/**
 * What is at `path`, a scenario (through `scenario`) or a lone feed, with
 * Node's SHA-256 for the content hash.
 */
async function atPath<O extends LoadOptions, S>(
  path: string,
  options: O,
  scenario: (reader: PackageReader, options: O) => Promise<S>,
): Promise<
  | ({ kind: 'scenario'; path: string } & (S | Failure))
  | ({ kind: 'feed'; path: string } & FeedOutcome)
> {
  const target = await targetOf(path);
  if (target.kind === 'missing') {
    return { kind: 'scenario', path, ok: false, errors: target.errors, warnings: [] };
  }
  const withHash: O = { createHash: nodeSha256, ...options };
  if (target.kind === 'feed') {
    return { kind: 'feed', path, ...(await loadFeed(target.reader, target.name, withHash)) };
  }
  const manifest = target.manifestPath === undefined ? {} : { manifestPath: target.manifestPath };
  return {
    kind: 'scenario',
    path,
    ...(await scenario(target.reader, { ...withHash, ...manifest })),
  };
}

type Failure = { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/**
 * Loads a scenario folder, a `*.scenario.json` or a single feed file.
 * Diagnostics name files relative to the folder (or the file's folder).
 */
export function loadScenarioFromPath(
  path: string,
  options: LoadOptions = {},
): Promise<PathOutcome> {
  return atPath(path, options, loadScenario);
}

/**
 * Checks what `loadScenarioFromPath` would load, with the same diagnostics and
 * hash, without keeping a scenario's events (see `checkScenario`).
 */
export function checkScenarioAtPath(
  path: string,
  options: Omit<LoadOptions, 'geography'> = {},
): Promise<PathCheckOutcome> {
  return atPath(path, options, checkScenario);
}
