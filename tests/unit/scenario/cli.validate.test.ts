// `truceline validate` and `generate` as a user runs them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { event, manifest, ndjson, ZONES } from './package-fixture';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', ...args], {
    encoding: 'utf8',
  });

const root = mkdtempSync(join(tmpdir(), 'truceline-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('truceline validate', () => {
  it('prints a summary and exits 0 for a valid scenario', () => {
    const r = cli('validate', 'tests/fixtures/scenarios/small');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid scenario "small-fixture"');
    expect(r.stdout).toMatch(/by source: .*ground-sensor 2/);
    expect(r.stdout).toMatch(/hash: +[0-9a-f]{64}/);
    expect(r.stderr).toContain(
      'warning: tests/fixtures/scenarios/small/feeds/ground.ndjson:3: colour: unknown field',
    );
  });

  it('prints the errors with paths as given and exits 1', () => {
    const bad = join(root, 'bad.ndjson');
    writeFileSync(bad, ndjson([event(), event({ lat: 'abc' })]));
    const r = cli('validate', bad);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `${join(root, 'bad.ndjson')}:2: lat: must be a number between -90 and 90, got "abc"`,
    );
    expect(r.stdout).toContain('INVALID (1 error)');
  });

  it('--json gives machine-readable results for several paths', () => {
    const single = join(root, 'one.scenario.json');
    writeFileSync(
      single,
      JSON.stringify(manifest({ zones: ZONES, sensors: undefined, feeds: [[event()]] })),
    );
    const r = cli('validate', '--json', single, 'tests/fixtures/scenarios/small/feeds/msel.csv');
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { kind: string; valid: boolean }) => [x.kind, x.valid])).toEqual([
      ['scenario', true],
      ['feed', true],
    ]);
    expect(results[0].by_type).toEqual({ explosion: 1 });
    expect(results[1].by_source).toEqual({ inject: 2 });
  });

  it('exits 2 without a path', () => {
    const r = cli('validate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('name at least one scenario folder or file');
  });
});

describe('truceline generate', () => {
  it('writes a folder that validate accepts; usage errors exit 2', () => {
    const out = join(root, 'gen');
    const g = cli('generate', '--events', '500', '--seed', '9', '--out', out);
    expect(g.status).toBe(0);
    expect(g.stdout).toContain('wrote 500 events');
    expect(cli('validate', out).status).toBe(0);
    expect(cli('generate', '--events', 'many', '--out', out).status).toBe(2);
    expect(cli('generate', '--out', out).status).toBe(2);
  });
});
