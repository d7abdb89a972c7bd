// Real data the tests use but the repository does not ship (UCDP GED, CC BY 4.0):
// it lives in ../shared/data beside the clone, as the CI script lays it out.
// TRUCELINE_SHARED_DATA names another folder (a git worktree elsewhere, say),
// resolved from the repository root when relative.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The folder of the shared data sets. */
export const SHARED_DATA_DIR = resolve(
  REPO_ROOT,
  process.env.TRUCELINE_SHARED_DATA ?? '../shared/data',
);

/** Path of a shared data file; throws, naming the path and the way out, when it is missing. */
export function sharedDataFile(name: string): string {
  const path = join(SHARED_DATA_DIR, name);
  if (!existsSync(path)) {
    throw new Error(
      `${path}: shared data file not found. Put the shared folder beside the repository (../shared/data) or set TRUCELINE_SHARED_DATA to the folder holding ${name}.`,
    );
  }
  return path;
}
