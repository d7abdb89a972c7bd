// `truceline validate` and `generate` as a user runs them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { event, manifest, ndjson, ZONES } from './package-fixture';

const cli = (...args: string[]) => cliWith({}, ...args);
const cliWith = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
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

describe('truceline validate in worker threads', () => {
  const threads = (n: number, ...args: string[]) =>
    cliWith({ TRUCELINE_VALIDATE_THREADS: String(n) }, 'validate', ...args);

  it('prints what one thread prints, for a valid scenario with NDJSON, JSON array and CSV feeds', () => {
    const one = threads(0, '--json', 'tests/fixtures/scenarios/small');
    const two = threads(2, '--json', 'tests/fixtures/scenarios/small');
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(JSON.parse(two.stdout)[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints the same errors, in the same order, for a scenario broken across feeds', () => {
    const dir = join(root, 'broken-across-feeds');
    mkdirSync(join(dir, 'feeds'), { recursive: true });
    const feeds = {
      'feeds/a.ndjson': ndjson([
        event({ id: 'x' }),
        event({ id: 'y', colour: 'red' }),
        event({ id: 'late', time: '2026-03-01T02:00:00Z' }),
        event({ id: 'early', time: '2026-03-01T01:00:00Z' }),
      ]),
      'feeds/b.ndjson': ndjson([
        event({ id: 'b', lat: 'north' }),
        event({ id: 'x' }),
        event({ id: 'c', party: 'Q' }),
        event({ id: 'y', sensor: 'nope' }),
      ]),
      'feeds/c.ndjson': `${ndjson([event({ id: 'y' }), event({ id: 'z' })])}{not json\n`,
    };
    writeFileSync(
      join(dir, 'scenario.json'),
      JSON.stringify(manifest({ feeds: [...Object.keys(feeds), 'feeds/missing.ndjson'] })),
    );
    writeFileSync(join(dir, 'zones.geojson'), JSON.stringify(ZONES));
    for (const [path, text] of Object.entries(feeds)) writeFileSync(join(dir, path), text);
    const one = threads(0, dir);
    const three = threads(3, dir);
    expect(three.status).toBe(1);
    expect(three.stderr).toBe(one.stderr);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toContain('b.ndjson:2: id: duplicate id "x" (first at feeds/a.ndjson:1)');
    expect(three.stderr).toContain('c.ndjson:1: id: duplicate id "y" (first at feeds/a.ndjson:2)');
    expect(three.stderr).toContain('feeds/missing.ndjson');
  });

  it('refuses a thread count that is not a whole number', () => {
    const r = threads(-1, 'tests/fixtures/scenarios/small');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'TRUCELINE_VALIDATE_THREADS must be a whole number >= 0 or "auto", got "-1"',
    );
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
