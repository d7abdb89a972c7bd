// The committed sample packages are exactly what the authoring scripts write:
// rebuilding into a temporary folder gives the same bytes, file for file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe.each([
  ['line-72h', 'sample-feeds/authoring/build-line-72h.ts'],
  ['quick-demo', 'sample-feeds/authoring/build-quick-demo.ts'],
  ['drone-line-48h', 'sample-feeds/authoring/build-drone-line-48h.ts'],
])('sample %s', (id, script) => {
  it('is reproduced byte for byte by its authoring script', () => {
    const out = mkdtempSync(join(tmpdir(), `truceline-${id}-`));
    const run = spawnSync(process.execPath, ['shared/node/run-ts.mjs', script, out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const committed = join('sample-feeds', id);
    const rebuilt = filesUnder(out)
      .map((f) => relative(out, f))
      .sort();
    expect(rebuilt).toEqual(
      filesUnder(committed)
        .map((f) => relative(committed, f))
        .sort(),
    );
    for (const file of rebuilt) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(committed, file))), file).toBe(
        true,
      );
    }
  });
});
