import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { eventSchema } from '../../../shared/scenario/schema';
import { REAL_GED_PATH } from './ged-text';

const FIXTURE = 'tests/fixtures/ucdp/ged-five-rows-one-broken.csv';

function truceline(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', ...args],
    {
      encoding: 'utf8',
    },
  );
}

describe('truceline import-ucdp', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-ucdp-'));

  it('imports the real export: every row written, counts on the last stdout line', () => {
    const out = join(dir, 'real.ndjson');
    const result = truceline('import-ucdp', REAL_GED_PATH, '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      'rows read: 3077, events written: 3077, rows rejected: 0',
    );
    // The 13 real rows with deaths out of order are each warned about on stderr.
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(13);
    expect(result.stderr).toContain(
      `${REAL_GED_PATH}:182: low/best/high: warning: low/best/high were 7/7/6`,
    );
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3077);
    expect(eventSchema.safeParse(JSON.parse(lines[0]!)).success).toBe(true);
  });

  it('writes a feed the scenario loader accepts with no error or warning', async () => {
    const out = join(dir, 'loadable.ndjson');
    expect(truceline('import-ucdp', REAL_GED_PATH, '--out', out).status).toBe(0);
    const outcome = await loadScenarioFromPath(out);
    expect(outcome.kind).toBe('feed');
    expect(outcome.ok ? [] : outcome.errors).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    if (outcome.kind === 'feed' && outcome.ok) expect(outcome.events).toHaveLength(3077);
  });

  it('writes the good rows and reports the broken one with its line and reason', () => {
    const out = join(dir, 'fixture.ndjson');
    const result = truceline('import-ucdp', FIXTURE, '--out', out);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      `${FIXTURE}:7: date_start: rejected row (GED id 900001): "2014-13-01" is not a calendar date\n`,
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      'rows read: 5, events written: 4, rows rejected: 1',
    );
    const ids = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids.sort()).toEqual(['ucdp-147997', 'ucdp-149221', 'ucdp-149248', 'ucdp-154408']);
  });

  it('exits 1 without writing for a file that is not a GED export, and 2 without --out', () => {
    const out = join(dir, 'none.ndjson');
    const notGed = truceline('import-ucdp', 'package.json', '--out', out);
    expect(notGed.status).toBe(1);
    expect(notGed.stderr).toMatch(/^package\.json: line 1: not a UCDP GED export: missing columns/);
    expect(existsSync(out)).toBe(false);

    const usage = truceline('import-ucdp', FIXTURE);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--out <file.ndjson> is required');
  });
});
